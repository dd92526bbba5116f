package io.lowcarb.energy.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.Method;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** The Teads curve, and how the TDP it scales is chosen. */
class CpuPowerModelTest {
  final CpuTable table = CpuTable.builtIn();

  @Property
  void idleFullAndHalfLoadAreTheCurvesPoints(@ForAll @DoubleRange(min = 1, max = 1000) double max) {
    CpuPowerModel m = CpuPowerModel.override(max);
    assertThat(m.powerWatts(0)).isCloseTo(0.12 * max, within(1e-9 * max));
    assertThat(m.powerWatts(0.5)).isCloseTo(0.75 * max, within(1e-9 * max));
    assertThat(m.powerWatts(1)).isCloseTo(1.02 * max, within(1e-9 * max));
  }

  @Property
  void neverDecreasesWithLoadAndStaysWithinTheCurve(
      @ForAll @DoubleRange(min = 0, max = 1) double a,
      @ForAll @DoubleRange(min = 0, max = 1) double b,
      @ForAll @DoubleRange(min = 1, max = 1000) double max) {
    CpuPowerModel m = CpuPowerModel.override(max);
    double low = Math.min(a, b);
    double high = Math.max(a, b);
    assertThat(m.powerWatts(low)).isLessThanOrEqualTo(m.powerWatts(high));
    assertThat(m.powerWatts(a)).isBetween(0.12 * max * (1 - 1e-12), 1.02 * max * (1 + 1e-12));
  }

  @Example
  void utilisationOutsideZeroToOneIsClamped() {
    CpuPowerModel m = CpuPowerModel.override(100);
    assertThat(m.powerWatts(-0.5)).isEqualTo(m.powerWatts(0));
    assertThat(m.powerWatts(3)).isEqualTo(m.powerWatts(1));
  }

  @Example
  void aKnownCoreCountScalesTheTdpToTheVisibleCpus() {
    CpuPowerModel m = CpuPowerModel.forCpu(table, "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", 2);
    assertThat(m.maxPowerWatts()).isCloseTo(150.0 / 20 * 2, within(1e-9));
    assertThat(m.method()).isEqualTo(Method.ESTIMATE);
    assertThat(m.basis()).contains("Xeon Gold 6248").contains("150 W / 20 cores x 2 visible CPUs = 15 W");
  }

  @Example
  void withoutACoreCountTheWholePackageIsUsed() {
    CpuPowerModel m = CpuPowerModel.forCpu(table, "Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz", 4);
    assertThat(m.maxPowerWatts()).isEqualTo(205);
    assertThat(m.basis()).contains("Gold 6248R").contains("one package");
  }

  @Example
  void anUnknownCpuGetsTwelveWattsPerCpuAndTheWidestUncertainty() {
    CpuPowerModel m = CpuPowerModel.forCpu(table, "Intel(R) Xeon(R) Processor", 6);
    assertThat(m.maxPowerWatts()).isEqualTo(12.0 * 6);
    assertThat(m.method()).isEqualTo(Method.ESTIMATE);
    assertThat(m.uncertaintyPct()).isGreaterThan(CpuPowerModel.forCpu(table, "AMD EPYC 7763 64-Core Processor", 6).uncertaintyPct());
    assertThat(m.basis()).contains("'Intel(R) Xeon(R) Processor' is not in the CPU table").contains("72 W");
  }

  @Example
  void aUserTdpIsAnOverride() {
    CpuPowerModel m = CpuPowerModel.override(65);
    assertThat(m.method()).isEqualTo(Method.OVERRIDE);
    assertThat(m.maxPowerWatts()).isEqualTo(65);
    assertThat(m.basis()).isEqualTo("TDP 65 W from --cpu-tdp");
    assertThat(CpuPowerModel.override(12.5).basis()).contains("12.5 W");
  }

  @Example
  void aPowerMustBePositiveAndFinite() {
    for (double bad : new double[] {0, -10, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> CpuPowerModel.override(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @org.junit.jupiter.api.Test
  void withHyperthreadingTheTdpIsCountedPerCoreNotPerThread() {
    // Xeon Gold 6248: 150 W over 20 cores; 40 visible CPUs, 2 threads per core = the 20 cores
    CpuPowerModel m = CpuPowerModel.forCpu(table, "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", 40, 2);
    assertThat(m.maxPowerWatts()).isCloseTo(150, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(m.basis()).contains("20 cores (40 visible CPUs, 2 threads per core)");
    // a 2-vCPU cloud instance that is one core with two threads
    assertThat(CpuPowerModel.forCpu(table, "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", 2, 2).maxPowerWatts())
        .isCloseTo(7.5, org.assertj.core.api.Assertions.within(1e-9));
  }
}
