package io.lowcarb.energy.rapl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.Component;
import io.lowcarb.energy.sensor.Activity;
import io.lowcarb.energy.sensor.EnergyDelta;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A powercap tree with the kernel's layout: two sockets, dram, core and psys domains. */
class PowercapTreeTest {
  static final long MAX = 262_143_328_850L;

  @TempDir Path root;

  @BeforeEach
  void tree() throws IOException {
    domain("intel-rapl:0", "package-0", 1_000_000);
    domain("intel-rapl:0:0", "core", 400_000);
    domain("intel-rapl:0:1", "dram", 200_000);
    domain("intel-rapl:1", "package-1", MAX - 500_000); // about to wrap
    domain("intel-rapl:1:0", "dram", 300_000);
    domain("intel-rapl-mmio:0", "psys", 5_000_000);
    Files.createDirectories(root.resolve("intel-rapl")); // the control type: no name, ignored
  }

  private void domain(String id, String name, long energy) throws IOException {
    Path d = Files.createDirectories(root.resolve(id));
    Files.writeString(d.resolve("name"), name + "\n");
    energy(id, energy);
    Files.writeString(d.resolve("max_energy_range_uj"), MAX + "\n");
  }

  private void energy(String id, long uj) throws IOException {
    Files.writeString(root.resolve(id).resolve("energy_uj"), uj + "\n");
  }

  private static Activity activity(double share, double memoryShare) {
    return new Activity(Instant.EPOCH, 1, 0.5, share, (long) (memoryShare * 1000), 1000, 4000);
  }

  @Test
  void findsEveryDomainWithItsKindAndSocket() {
    List<RaplDomain> domains = Powercap.scan(root);
    assertThat(domains).extracting(RaplDomain::id)
        .containsExactly("intel-rapl-mmio:0", "intel-rapl:0", "intel-rapl:0:0", "intel-rapl:0:1", "intel-rapl:1", "intel-rapl:1:0");
    assertThat(domains).extracting(RaplDomain::kind).containsExactly(
        RaplDomain.Kind.PSYS, RaplDomain.Kind.PACKAGE, RaplDomain.Kind.SUBDOMAIN, RaplDomain.Kind.DRAM,
        RaplDomain.Kind.PACKAGE, RaplDomain.Kind.DRAM);
    assertThat(domains.get(5).socket()).isEqualTo(1);
    assertThat(domains).allMatch(RaplDomain::readable).allMatch(d -> d.maxEnergyRangeUj() == MAX);
  }

  @Test
  void anUnreadableCounterIsReportedWithTheReason() {
    SysfsReader rootOnly = file -> {
      if (file.toString().endsWith("intel-rapl:1/energy_uj")) {
        throw new AccessDeniedException(file.toString());
      }
      return Files.readString(file);
    };
    RaplDomain socket1 = Powercap.scan(root, rootOnly).stream()
        .filter(d -> d.id().equals("intel-rapl:1")).findFirst().orElseThrow();
    assertThat(socket1.readable()).isFalse();
    assertThat(socket1.problem().orElseThrow()).contains("permission denied").contains("intel-rapl:1/energy_uj");
  }

  @Test
  void noPowercapMeansNoDomains() {
    assertThat(Powercap.scan(root.resolve("absent"))).isEmpty();
  }

  @Test
  void sumsBothSocketsAcrossAWrapAndAttributesByCpuShare() throws IOException {
    List<RaplDomain> packages = Powercap.scan(root).stream().filter(d -> d.kind() == RaplDomain.Kind.PACKAGE).toList();
    RaplSensor cpu = new RaplSensor(Component.CPU, packages);
    assertThat(cpu.sample(activity(0.25, 0))).isEqualTo(EnergyDelta.ZERO); // first reading starts the count
    energy("intel-rapl:0", 3_000_000); // +2 J
    energy("intel-rapl:1", 1_500_000); // wrapped: +0.5 J to the top, +1.5 J after
    EnergyDelta d = cpu.sample(activity(0.25, 0));
    assertThat(d.machineJoules()).isCloseTo(4.0, within(1e-9));
    assertThat(d.processJoules()).isCloseTo(1.0, within(1e-9));
    assertThat(cpu.name()).isEqualTo("rapl:package-0+package-1");
  }

  @Test
  void dramIsAttributedByMemoryShare() throws IOException {
    List<RaplDomain> drams = Powercap.scan(root).stream().filter(d -> d.kind() == RaplDomain.Kind.DRAM).toList();
    RaplSensor ram = new RaplSensor(Component.RAM, drams);
    ram.sample(activity(0.9, 0.1));
    energy("intel-rapl:0:1", 1_200_000);
    energy("intel-rapl:1:0", 1_300_000);
    EnergyDelta d = ram.sample(activity(0.9, 0.1));
    assertThat(d.machineJoules()).isCloseTo(2.0, within(1e-9));
    assertThat(d.processJoules()).isCloseTo(0.2, within(1e-9));
  }
}
