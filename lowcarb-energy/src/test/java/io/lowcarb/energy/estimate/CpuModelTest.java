package io.lowcarb.energy.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.Method;
import io.lowcarb.energy.sensor.Activity;
import io.lowcarb.energy.sensor.EnergyDelta;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class CpuModelTest {
  final CpuTable table = CpuTable.builtIn();

  @Test
  void findsTheModelThatCpuinfoNames() {
    CpuSpec gold = table.find("Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz").orElseThrow();
    assertThat(gold.model()).isEqualTo("Xeon Gold 6248");
    assertThat(gold.tdpWatts()).isEqualTo(150);
    assertThat(gold.cores()).hasValue(20);
    assertThat(gold.source()).isNotBlank();
    assertThat(table.find("AMD EPYC 7763 64-Core Processor").orElseThrow().tdpWatts()).isEqualTo(280);
  }

  @Test
  void aGenericNameMatchesNothing() {
    assertThat(table.find("Intel(R) Xeon(R) Processor")).isEmpty();
    assertThat(table.find("QEMU Virtual CPU version 2.5+")).isEmpty();
  }

  @Test
  void holdsThousandsOfModels() {
    assertThat(table.size()).isGreaterThan(4000);
  }

  @Test
  void theCurveHitsTheTeadsPoints() {
    CpuPowerModel m = CpuPowerModel.override(100);
    assertThat(m.powerWatts(0)).isCloseTo(12, within(1e-9));
    assertThat(m.powerWatts(0.1)).isCloseTo(32, within(1e-9));
    assertThat(m.powerWatts(0.5)).isCloseTo(75, within(1e-9));
    assertThat(m.powerWatts(1)).isCloseTo(102, within(1e-9));
    assertThat(m.powerWatts(0.3)).isCloseTo(53.5, within(1e-9));
  }

  @Property
  void powerGrowsWithUtilisationWithinTheCurvesBounds(
      @ForAll @DoubleRange(min = 0, max = 1) double a, @ForAll @DoubleRange(min = 0, max = 1) double b) {
    CpuPowerModel m = CpuPowerModel.override(200);
    double low = Math.min(a, b);
    double high = Math.max(a, b);
    assertThat(m.powerWatts(low)).isLessThanOrEqualTo(m.powerWatts(high) + 1e-9);
    assertThat(m.powerWatts(a)).isBetween(0.12 * 200 - 1e-9, 1.02 * 200 + 1e-9);
  }

  @Test
  void scalesTheTdpToTheVisibleCpus() {
    CpuPowerModel vm = CpuPowerModel.forCpu(table, "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", 2);
    assertThat(vm.maxPowerWatts()).isCloseTo(15, within(1e-9));
    assertThat(vm.method()).isEqualTo(Method.ESTIMATE);
    CpuPowerModel generic = CpuPowerModel.forCpu(table, "Intel(R) Xeon(R) Processor", 4);
    assertThat(generic.maxPowerWatts()).isEqualTo(48);
    assertThat(generic.uncertaintyPct()).isGreaterThan(vm.uncertaintyPct());
    assertThat(generic.basis()).contains("not in the CPU table").contains("--cpu-tdp");
    assertThat(CpuPowerModel.override(65).method()).isEqualTo(Method.OVERRIDE);
    assertThatThrownBy(() -> CpuPowerModel.override(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sensorsTurnPowerIntoEnergyAndAttributeIt() {
    Activity a = new Activity(Instant.EPOCH, 2.0, 0.5, 0.25, 2_000_000_000L, 8_000_000_000L, 16_000_000_000L);
    EnergyDelta cpu = new CpuEstimateSensor(CpuPowerModel.override(100)).sample(a);
    assertThat(cpu.machineJoules()).isCloseTo(150, within(1e-9)); // 75 W x 2 s
    assertThat(cpu.processJoules()).isCloseTo(37.5, within(1e-9));
    EnergyDelta ram = new RamEstimateSensor().sample(a);
    assertThat(ram.machineJoules()).isCloseTo(0.3725 * 16 * 2, within(1e-9));
    assertThat(ram.processJoules()).isCloseTo(0.3725 * 2 * 2, within(1e-9));
  }
}
