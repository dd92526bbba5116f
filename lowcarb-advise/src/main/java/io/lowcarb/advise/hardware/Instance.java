package io.lowcarb.advise.hardware;

import java.util.Locale;
import java.util.Optional;

/**
 * A cloud instance type (a row of {@code instances.csv}) and the hardware in it.
 *
 * @param cloud the provider: {@code aws}, {@code gcp} or {@code azure}
 * @param type the provider's name for it, for example {@code p4d.24xlarge}
 * @param vcpus virtual CPUs, two per physical core
 * @param cpu the host CPU
 * @param gpus number of accelerators, 0 for a CPU instance
 * @param gpu the accelerator, when {@code gpus > 0}
 * @param memoryGb the instance's memory, in GB
 * @param year the year the type was launched
 * @param source where the figures come from
 */
public record Instance(String cloud, String type, int vcpus, Device cpu, int gpus, Optional<Device> gpu,
    double memoryGb, String year, String source) implements Hardware {

  /** Host CPU load assumed while accelerators do the work: feeding them takes a tenth of the cores. */
  public static final double HOST_LOAD = 0.10;

  public Instance {
    if (vcpus < 2 || gpus < 0 || (gpus > 0) != gpu.isPresent()) {
      throw new IllegalArgumentException(type + ": inconsistent vCPUs or GPUs");
    }
  }

  @Override
  public String name() {
    return cloud + ":" + type;
  }

  @Override
  public Optional<String> provider() {
    return Optional.of(cloud);
  }

  /** The instance's share of its host CPU: a physical core per two vCPUs. */
  public CpuCores cores() {
    return new CpuCores(cpu, vcpus / 2);
  }

  /** The accelerators, when there are any. */
  public Optional<Accelerators> accelerators() {
    return gpu.map(g -> new Accelerators(g, gpus));
  }

  @Override
  public DeviceKind kind() {
    return gpu.map(Device::kind).orElse(DeviceKind.CPU);
  }

  @Override
  public int units() {
    return gpus > 0 ? gpus : cores().units();
  }

  @Override
  public Device.Peak peak(Precision precision) {
    return accelerators().<Hardware>map(a -> a).orElse(cores()).peak(precision);
  }

  @Override
  public PowerAtWork power(double utilisation) {
    double memory = memoryGb * MEMORY_WATTS_PER_GB;
    String memoryBasis = String.format(Locale.ROOT, "memory %.0f GB x %.4f W/GB = %.0f W", memoryGb, MEMORY_WATTS_PER_GB, memory);
    Optional<Accelerators> accelerators = accelerators();
    if (accelerators.isEmpty()) {
      PowerAtWork cpuPower = cores().power(utilisation);
      return new PowerAtWork(cpuPower.watts() + memory, cpuPower.basis() + "; " + memoryBasis);
    }
    PowerAtWork work = accelerators.get().power(utilisation);
    PowerAtWork host = cores().power(HOST_LOAD);
    return new PowerAtWork(work.watts() + host.watts() + memory,
        work.basis() + "; host " + host.basis() + "; " + memoryBasis);
  }
}
