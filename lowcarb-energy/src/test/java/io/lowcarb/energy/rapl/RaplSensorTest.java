package io.lowcarb.energy.rapl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.Component;
import io.lowcarb.energy.Method;
import io.lowcarb.energy.sensor.Activity;
import io.lowcarb.energy.sensor.EnergyDelta;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sensor alone, reading counters through a scripted {@link SysfsReader}. */
class RaplSensorTest {
  static final long MAX = 262_143_328_850L;

  final Map<Path, String> counters = new HashMap<>();
  final Set<Path> failing = new HashSet<>();
  final SysfsReader sysfs = file -> {
    if (failing.contains(file)) {
      throw new IOException("Input/output error: " + file);
    }
    String text = counters.get(file);
    if (text == null) {
      throw new NoSuchFileException(file.toString());
    }
    return text;
  };

  final RaplDomain package0 = domain("intel-rapl:0", "package-0", 0);
  final RaplDomain package1 = domain("intel-rapl:1", "package-1", 1);

  private static RaplDomain domain(String id, String name, int socket) {
    return new RaplDomain(Path.of("/sys/class/powercap", id), id, name, socket, MAX, Optional.empty());
  }

  private void energy(RaplDomain d, long microjoules) {
    counters.put(d.directory().resolve("energy_uj"), microjoules + "\n");
  }

  private void failReads(RaplDomain d, boolean fail) {
    Path file = d.directory().resolve("energy_uj");
    if (fail) {
      failing.add(file);
    } else {
      failing.remove(file);
    }
  }

  /** One second in which the process tree had {@code cpuShare} of the CPUs and 1 GB of 4 GB used. */
  private static Activity activity(double cpuShare) {
    return new Activity(Instant.EPOCH, 1, 0.5, cpuShare, 1_000_000_000L, 4_000_000_000L, 16_000_000_000L);
  }

  @Test
  void theFirstSampleOnlyStartsTheCount() {
    energy(package0, 50_000_000_000L); // energy since boot: must never be reported
    RaplSensor cpu = new RaplSensor(Component.CPU, List.of(package0), sysfs);
    assertThat(cpu.sample(activity(0.5))).isEqualTo(EnergyDelta.ZERO);
    energy(package0, 50_002_000_000L);
    assertThat(cpu.sample(activity(0.5)).machineJoules()).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void sumsTheSocketsAndAttributesByCpuShare() {
    energy(package0, 10_000_000);
    energy(package1, 20_000_000);
    RaplSensor cpu = new RaplSensor(Component.CPU, List.of(package0, package1), sysfs);
    cpu.sample(activity(0.3));
    energy(package0, 11_500_000); // +1.5 J
    energy(package1, 22_500_000); // +2.5 J
    EnergyDelta d = cpu.sample(activity(0.3));
    assertThat(d.machineJoules()).isCloseTo(4.0, within(1e-9));
    assertThat(d.processJoules()).isCloseTo(1.2, within(1e-9));
  }

  @Test
  void aCounterThatWrapsAtItsMaxRangeStillCountsForward() {
    energy(package0, MAX - 1_000_000);
    RaplSensor cpu = new RaplSensor(Component.CPU, List.of(package0), sysfs);
    cpu.sample(activity(1));
    energy(package0, 500_000); // 1 J up to the wrap, 0.5 J after it
    assertThat(cpu.sample(activity(1)).machineJoules()).isCloseTo(1.5, within(1e-9));
  }

  @Test
  void dramIsAttributedByTheShareOfUsedMemoryNotByCpu() {
    RaplDomain dram = domain("intel-rapl:0:1", "dram", 0);
    energy(dram, 0);
    RaplSensor ram = new RaplSensor(Component.RAM, List.of(dram), sysfs);
    ram.sample(activity(0.9));
    energy(dram, 8_000_000);
    EnergyDelta d = ram.sample(activity(0.9)); // 1 GB of the 4 GB in use
    assertThat(d.machineJoules()).isCloseTo(8.0, within(1e-9));
    assertThat(d.processJoules()).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void aFailedReadIsMadeUpByTheNextOne() {
    energy(package0, 1_000_000);
    energy(package1, 1_000_000);
    RaplSensor cpu = new RaplSensor(Component.CPU, List.of(package0, package1), sysfs);
    cpu.sample(activity(1));
    energy(package0, 2_000_000);
    energy(package1, 2_000_000);
    failReads(package1, true);
    assertThat(cpu.sample(activity(1)).machineJoules()).isCloseTo(1.0, within(1e-9)); // package-1 skipped
    failReads(package1, false);
    energy(package0, 3_000_000);
    energy(package1, 3_000_000);
    assertThat(cpu.sample(activity(1)).machineJoules()).isCloseTo(1.0 + 2.0, within(1e-9)); // package-1 catches up
  }

  @Test
  void aCounterUnreadableAtTheFirstSampleDoesNotCountTheEnergySinceBoot() {
    energy(package0, 100_000_000_000L); // 100 kJ since boot
    failReads(package0, true);
    RaplSensor cpu = new RaplSensor(Component.CPU, List.of(package0), sysfs);
    cpu.sample(activity(1));
    failReads(package0, false);
    energy(package0, 100_001_000_000L);
    assertThat(cpu.sample(activity(1)).machineJoules()).isLessThanOrEqualTo(1.0);
  }

  @Test
  void describesItself() {
    RaplSensor cpu = new RaplSensor(Component.CPU, List.of(package0, package1), sysfs);
    assertThat(cpu.name()).isEqualTo("rapl:package-0+package-1");
    assertThat(cpu.component()).isEqualTo(Component.CPU);
    assertThat(cpu.method()).isEqualTo(Method.RAPL);
    assertThat(cpu.uncertaintyPct()).isEqualTo(10);
    assertThat(cpu.domains()).containsExactly(package0, package1);
    assertThatThrownBy(() -> new RaplSensor(Component.CPU, List.of(), sysfs))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
