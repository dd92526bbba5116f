package io.lowcarb.energy;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.energy.estimate.CpuTable;
import io.lowcarb.energy.nvml.NvmlUnavailableException;
import io.lowcarb.energy.proc.CgroupCpu;
import io.lowcarb.energy.proc.ProcFs;
import io.lowcarb.energy.rapl.SysfsReader;
import io.lowcarb.energy.sensor.EnergySensor;
import io.lowcarb.energy.sensor.SensorStatus;
import io.lowcarb.energy.sensor.SensorStatus.State;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The best sensor is picked per component, and a fallback is never silent. */
class SensorDiscoveryTest {
  @TempDir Path dir;
  Path powercap;
  ProcFs proc;

  @BeforeEach
  void machine() throws IOException {
    Path p = Files.createDirectories(dir.resolve("proc"));
    Files.writeString(p.resolve("stat"), "cpu  100 0 50 800 10 0 0 0 0 0\ncpu0 50 0 25 400 5 0 0 0 0 0\ncpu1 50 0 25 400 5 0 0 0 0 0\n");
    Files.writeString(p.resolve("meminfo"), "MemTotal:       16000000 kB\nMemAvailable:    8000000 kB\n");
    Files.writeString(p.resolve("cpuinfo"), "processor\t: 0\nmodel name\t: Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz\n");
    proc = new ProcFs(p);
    powercap = Files.createDirectories(dir.resolve("powercap"));
  }

  private void domain(String id, String name, long energy) throws IOException {
    Path d = Files.createDirectories(powercap.resolve(id));
    Files.writeString(d.resolve("name"), name + "\n");
    Files.writeString(d.resolve("energy_uj"), energy + "\n");
    Files.writeString(d.resolve("max_energy_range_uj"), "262143328850\n");
  }

  private SensorDiscovery.Result discover(SysfsReader reader, OptionalDouble tdp) {
    return SensorDiscovery.discover(new SensorDiscovery.Options(
        powercap, reader, proc, () -> { throw new NvmlUnavailableException("libnvidia-ml.so.1 not found: test"); },
        null, tdp, CpuTable.builtIn()));
  }

  private static State state(SensorDiscovery.Result r, Component c, String kind) {
    return r.statuses().stream().filter(s -> s.component() == c && s.kind().equals(kind))
        .map(SensorStatus::state).findFirst().orElseThrow();
  }

  @Test
  void readableRaplIsUsedForCpuAndRam() throws IOException {
    domain("intel-rapl:0", "package-0", 1000);
    domain("intel-rapl:0:0", "core", 500);
    domain("intel-rapl:0:1", "dram", 200);
    var r = discover(SysfsReader.FILES, OptionalDouble.of(95));
    assertThat(r.sensors()).extracting(EnergySensor::method).containsExactly(Method.RAPL, Method.RAPL);
    assertThat(state(r, Component.CPU, "rapl")).isEqualTo(State.USED);
    assertThat(state(r, Component.CPU, "rapl:core")).isEqualTo(State.AVAILABLE);
    assertThat(r.warnings()).anyMatch(w -> w.contains("--cpu-tdp is ignored"));
    assertThat(r.machine().cpus()).isEqualTo(2);
    assertThat(r.machine().cpuModel()).contains("Gold 6248");
  }

  @Test
  void unreadableRaplIsReportedWithTheFixAndTheFallbackIsAWarning() throws IOException {
    domain("intel-rapl:0", "package-0", 1000);
    domain("intel-rapl:0:1", "dram", 200);
    SysfsReader rootOnly = file -> {
      if (file.getFileName().toString().equals("energy_uj")) {
        throw new AccessDeniedException(file.toString());
      }
      return Files.readString(file);
    };
    var r = discover(rootOnly, OptionalDouble.empty());
    assertThat(state(r, Component.CPU, "rapl")).isEqualTo(State.UNREADABLE);
    assertThat(state(r, Component.CPU, "estimate")).isEqualTo(State.USED);
    var cpu = r.statuses().stream().filter(s -> s.kind().equals("rapl") && s.component() == Component.CPU).findFirst().orElseThrow();
    assertThat(cpu.detail()).contains("permission denied");
    assertThat(cpu.fix()).contains("chmod a+r");
    assertThat(r.warnings()).anyMatch(w -> w.contains("RAPL is present but not readable") && w.contains("chmod"));
    assertThat(r.warnings()).anyMatch(w -> w.contains("RAPL dram is present but not readable"));
    // Xeon Gold 6248: 150 W over 20 cores, 2 visible CPUs
    assertThat(r.sensors()).extracting(EnergySensor::method).containsExactly(Method.ESTIMATE, Method.ESTIMATE);
    assertThat(cpuStatusDetail(r)).contains("150 W / 20 cores x 2 visible CPUs = 15 W");
  }

  private static String cpuStatusDetail(SensorDiscovery.Result r) {
    return r.statuses().stream().filter(s -> s.kind().equals("estimate") && s.component() == Component.CPU)
        .findFirst().orElseThrow().detail();
  }

  @Test
  void noRaplUsesTheEstimateAndSaysSo() {
    var r = discover(SysfsReader.FILES, OptionalDouble.empty());
    assertThat(state(r, Component.CPU, "rapl")).isEqualTo(State.ABSENT);
    assertThat(r.warnings()).anyMatch(w -> w.startsWith("no RAPL on this machine: CPU energy is estimated"));
    assertThat(state(r, Component.GPU, "nvml")).isEqualTo(State.ABSENT);
    assertThat(r.machine().gpus()).isEmpty();
  }

  @Test
  void threadsPerCoreComeFromCpuinfo() throws IOException {
    Files.writeString(proc.root().resolve("cpuinfo"),
        "processor\t: 0\nmodel name\t: Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz\nsiblings\t: 2\ncpu cores\t: 1\n");
    assertThat(proc.threadsPerCore()).isEqualTo(2);
    var r = discover(SysfsReader.FILES, OptionalDouble.empty());
    assertThat(cpuStatusDetail(r)).contains("1 cores (2 visible CPUs, 2 threads per core) = 7.5 W");
  }

  @Test
  void cpuTdpOverrideDrivesTheEstimate() {
    var r = discover(SysfsReader.FILES, OptionalDouble.of(65));
    assertThat(r.sensors().getFirst().method()).isEqualTo(Method.OVERRIDE);
    assertThat(cpuStatusDetail(r)).contains("TDP 65 W from --cpu-tdp");
  }

  @Test
  void aCgroupQuotaSetsTheVisibleCpusOfTheEstimate() throws IOException {
    // a 2-CPU machine in a container whose cpu.max allows one CPU
    Files.writeString(proc.root().resolve("stat"), "cpu  100 0 50 800 10 0 0 0 0 0\n" + "cpu0 0\ncpu1 0\ncpu2 0\ncpu3 0\n");
    Files.createDirectories(proc.root().resolve("self"));
    Files.writeString(proc.root().resolve("self/cgroup"), "0::/ctr\n");
    Path cgroups = Files.createDirectories(dir.resolve("cgroup/ctr"));
    Files.writeString(dir.resolve("cgroup/cgroup.controllers"), "cpu\n");
    Files.writeString(cgroups.resolve("cpu.max"), "100000 100000\n");
    var r = SensorDiscovery.discover(new SensorDiscovery.Options(
        powercap, SysfsReader.FILES, proc, () -> { throw new NvmlUnavailableException("none: test"); },
        null, OptionalDouble.empty(), CpuTable.builtIn(), CgroupCpu.read(proc, dir.resolve("cgroup"))));
    assertThat(r.machine().cpus()).isEqualTo(1);
    assertThat(cpuStatusDetail(r)).contains("x 1 visible CPUs").contains("cgroup limit 1 of 4 CPUs (cpu.max quota 1)");
  }
}
