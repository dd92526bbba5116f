package io.lowcarb.energy;

import io.lowcarb.energy.estimate.CpuEstimateSensor;
import io.lowcarb.energy.estimate.CpuPowerModel;
import io.lowcarb.energy.estimate.CpuTable;
import io.lowcarb.energy.estimate.RamEstimateSensor;
import io.lowcarb.energy.nvml.Nvml;
import io.lowcarb.energy.nvml.NvmlException;
import io.lowcarb.energy.nvml.NvmlLibrary;
import io.lowcarb.energy.nvml.NvmlSensor;
import io.lowcarb.energy.nvml.NvmlUnavailableException;
import io.lowcarb.energy.proc.CgroupCpu;
import io.lowcarb.energy.proc.ProcFs;
import io.lowcarb.energy.rapl.Powercap;
import io.lowcarb.energy.rapl.RaplDomain;
import io.lowcarb.energy.rapl.RaplSensor;
import io.lowcarb.energy.rapl.SysfsReader;
import io.lowcarb.energy.sensor.EnergySensor;
import io.lowcarb.energy.sensor.SensorStatus;
import io.lowcarb.energy.sensor.SensorStatus.State;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Finds what this machine offers and picks the best sensor per component: RAPL over the CPU
 * estimate, RAPL dram over the RAM estimate, NVML for GPUs. Every sensor not used is reported with
 * the reason and, where there is one, the fix; a fallback is never silent.
 */
public final class SensorDiscovery {
  private SensorDiscovery() {}

  /** Where to look, and the user's overrides. */
  public record Options(
      Path powercap,
      SysfsReader sysfs,
      ProcFs proc,
      NvmlLoader nvml,
      String cudaVisibleDevices,
      OptionalDouble cpuTdpWatts,
      CpuTable cpus,
      CgroupCpu cgroup) {

    /** Where to look, with no cgroup limit. */
    public Options(Path powercap, SysfsReader sysfs, ProcFs proc, NvmlLoader nvml, String cudaVisibleDevices,
        OptionalDouble cpuTdpWatts, CpuTable cpus) {
      this(powercap, sysfs, proc, nvml, cudaVisibleDevices, cpuTdpWatts, cpus, CgroupCpu.none());
    }

    /** This machine, no overrides; {@code LOWCARB_NVML_LIBRARY} names another NVML library file. */
    public static Options defaults() {
      String library = System.getenv().getOrDefault("LOWCARB_NVML_LIBRARY", NvmlLibrary.LIBRARY);
      return new Options(
          Powercap.SYSFS, SysfsReader.FILES, ProcFs.system(), () -> NvmlLibrary.open(library),
          System.getenv("CUDA_VISIBLE_DEVICES"), OptionalDouble.empty(), CpuTable.builtIn(), CgroupCpu.system());
    }

    /** The same, with a CPU TDP given by the user, in W. */
    public Options withCpuTdp(double watts) {
      return new Options(powercap, sysfs, proc, nvml, cudaVisibleDevices, OptionalDouble.of(watts), cpus, cgroup);
    }
  }

  /** Opens NVML; the seam where tests put a double. */
  @FunctionalInterface
  public interface NvmlLoader {
    Nvml open() throws NvmlUnavailableException;
  }

  /**
   * What was found.
   *
   * @param sensors the sensors to use, one or more per component
   * @param statuses every sensor considered, used or not, and why
   * @param machine a description of the machine
   * @param warnings fallbacks the user must know of (shown with every measurement)
   */
  public record Result(List<EnergySensor> sensors, List<SensorStatus> statuses, MachineInfo machine, List<String> warnings) {}

  /** Looks at the machine. */
  public static Result discover(Options options) {
    List<EnergySensor> sensors = new ArrayList<>();
    List<SensorStatus> statuses = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int machineCpus = cpuCount(options.proc());
    // In a container or a Slurm job, the CPUs the cgroup allows (a fractional quota rounded up).
    int cpus = (int) Math.ceil(options.cgroup().cpus(machineCpus));
    String cpuModel = options.proc().cpuModel().orElse("unknown");
    long ram = ramBytes(options.proc());

    List<RaplDomain> domains = Powercap.scan(options.powercap(), options.sysfs());
    List<RaplDomain> packages = of(domains, RaplDomain.Kind.PACKAGE);
    List<RaplDomain> drams = of(domains, RaplDomain.Kind.DRAM);

    // CPU
    List<RaplDomain> readablePackages = packages.stream().filter(RaplDomain::readable).toList();
    if (!readablePackages.isEmpty() && readablePackages.size() == packages.size()) {
      RaplSensor rapl = new RaplSensor(Component.CPU, readablePackages, options.sysfs());
      sensors.add(rapl);
      statuses.add(new SensorStatus(Component.CPU, "rapl", State.USED, "RAPL " + names(readablePackages), ""));
      if (options.cpuTdpWatts().isPresent()) {
        warnings.add("--cpu-tdp is ignored: the CPU is measured by RAPL");
      }
      statuses.add(new SensorStatus(Component.CPU, "estimate", State.AVAILABLE, "not needed: RAPL is readable", ""));
    } else {
      if (packages.isEmpty()) {
        statuses.add(new SensorStatus(Component.CPU, "rapl", State.ABSENT,
            "no RAPL domains under " + options.powercap()
                + " (a virtual machine, a container without /sys/class/powercap, or a kernel without intel_rapl)",
            "on bare metal: sudo modprobe intel_rapl_msr; in a container: mount /sys/class/powercap read-only"));
      } else {
        String problems = problems(packages);
        statuses.add(new SensorStatus(Component.CPU, "rapl", State.UNREADABLE, problems, Powercap.PERMISSION_FIX));
        warnings.add("RAPL is present but not readable (" + problems + "): CPU energy is estimated instead; fix: "
            + Powercap.PERMISSION_FIX);
      }
      CpuPowerModel model = options.cpuTdpWatts().isPresent()
          ? CpuPowerModel.override(options.cpuTdpWatts().getAsDouble())
          : CpuPowerModel.forCpu(options.cpus(), cpuModel, cpus, options.proc().threadsPerCore());
      sensors.add(new CpuEstimateSensor(model));
      if (packages.isEmpty()) {
        warnings.add("no RAPL on this machine: CPU energy is estimated, " + model.basis());
      }
      statuses.add(new SensorStatus(Component.CPU, "estimate", State.USED,
          model.basis() + "; power from utilisation (Teads curve), +/-" + (int) model.uncertaintyPct() + " %"
              + (options.cgroup().limits(machineCpus) ? "; " + options.cgroup().describe(machineCpus) : ""),
          options.cpuTdpWatts().isPresent() ? "" : "give the TDP with --cpu-tdp WATTS if the table's figure is wrong"));
    }

    // RAM
    List<RaplDomain> readableDrams = drams.stream().filter(RaplDomain::readable).toList();
    if (!readableDrams.isEmpty() && readableDrams.size() == drams.size()) {
      sensors.add(new RaplSensor(Component.RAM, readableDrams, options.sysfs()));
      statuses.add(new SensorStatus(Component.RAM, "rapl", State.USED, "RAPL " + names(readableDrams), ""));
    } else {
      if (drams.isEmpty()) {
        statuses.add(new SensorStatus(Component.RAM, "rapl", State.ABSENT,
            "no RAPL dram domain (most desktop CPUs and all virtual machines have none)", ""));
      } else {
        String problems = problems(drams);
        statuses.add(new SensorStatus(Component.RAM, "rapl", State.UNREADABLE, problems, Powercap.PERMISSION_FIX));
        warnings.add("RAPL dram is present but not readable: RAM energy is estimated instead; fix: "
            + Powercap.PERMISSION_FIX);
      }
      sensors.add(new RamEstimateSensor());
      statuses.add(new SensorStatus(Component.RAM, "estimate", State.USED,
          RamEstimateSensor.WATTS_PER_GB + " W/GB (Karyakin and Salem 2017, via Green Algorithms) x "
              + String.format(java.util.Locale.ROOT, "%.1f", ram / 1e9) + " GB installed", ""));
    }
    for (RaplDomain d : domains) {
      if (d.kind() == RaplDomain.Kind.PSYS || d.kind() == RaplDomain.Kind.SUBDOMAIN) {
        statuses.add(new SensorStatus(Component.CPU,
            "rapl:" + d.name(), d.readable() ? State.AVAILABLE : State.UNREADABLE,
            d.id() + " (" + d.name() + "): " + (d.readable() ? "readable; not added, it overlaps the package figures"
                : d.problem().orElseThrow()),
            d.readable() ? "" : Powercap.PERMISSION_FIX));
      }
    }

    // GPU
    List<String> gpus = new ArrayList<>();
    try {
      Nvml nvml = options.nvml().open();
      try {
        NvmlSensor gpu = NvmlSensor.open(nvml, options.cudaVisibleDevices());
        if (gpu.devices().isEmpty()) {
          nvml.close();
          statuses.add(new SensorStatus(Component.GPU, "nvml", State.AVAILABLE,
              "NVML found " + nvml.deviceCount() + " device(s) but CUDA_VISIBLE_DEVICES='" + options.cudaVisibleDevices()
                  + "' selects none: no GPU component", ""));
        } else {
          sensors.add(gpu);
          for (NvmlSensor.Device d : gpu.devices()) {
            gpus.add(d.name());
            statuses.add(new SensorStatus(Component.GPU, "nvml", State.USED,
                "GPU " + d.index() + " " + d.name() + ": "
                    + (d.energyCounter() ? "energy counter" : "power sampled and integrated (no energy counter)"), ""));
          }
        }
      } catch (NvmlException e) {
        nvml.close();
        statuses.add(new SensorStatus(Component.GPU, "nvml", State.UNREADABLE, e.getMessage(),
            "check the driver with nvidia-smi"));
      }
    } catch (NvmlUnavailableException e) {
      statuses.add(new SensorStatus(Component.GPU, "nvml", State.ABSENT, e.getMessage() + ": no GPU component",
          "install the NVIDIA driver if this machine has an NVIDIA GPU"));
    }

    String os = System.getProperty("os.name") + "-" + System.getProperty("os.version") + "-" + System.getProperty("os.arch");
    MachineInfo machine = new MachineInfo(cpuModel, cpus, ram, List.copyOf(gpus), os, Runtime.version().toString());
    return new Result(List.copyOf(sensors), List.copyOf(statuses), machine, List.copyOf(warnings));
  }

  private static List<RaplDomain> of(List<RaplDomain> domains, RaplDomain.Kind kind) {
    return domains.stream().filter(d -> d.kind() == kind).toList();
  }

  /** Why the unreadable ones among {@code domains} cannot be read, in one line. */
  private static String problems(List<RaplDomain> domains) {
    return domains.stream().filter(d -> !d.readable())
        .map(d -> d.problem().orElseThrow()).collect(Collectors.joining("; "));
  }

  private static String names(List<RaplDomain> domains) {
    return domains.stream().map(d -> d.id() + " (" + d.name() + ")").collect(Collectors.joining(", "));
  }

  private static int cpuCount(ProcFs proc) {
    try {
      return proc.cpuTimes().cpus();
    } catch (java.io.IOException e) {
      return Runtime.getRuntime().availableProcessors();
    }
  }

  private static long ramBytes(ProcFs proc) {
    try {
      return proc.memory().totalBytes();
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
