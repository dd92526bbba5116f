package io.lowcarb.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.advise.hardware.CpuCores;
import io.lowcarb.advise.hardware.Hardware;
import io.lowcarb.advise.hardware.HardwareCatalog;
import io.lowcarb.advise.hardware.Precision;
import io.lowcarb.advise.region.Region;
import io.lowcarb.advise.region.RegionCatalog;
import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.energy.EnergyBasis.Obtained;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdvisorTest {
  final HardwareCatalog hardware = HardwareCatalog.builtIn();
  final RegionCatalog regions = RegionCatalog.builtIn();
  final CpuCores here = new CpuCores(hardware.devices().find("generic-x86-core").orElseThrow(), 2);
  final Region es = regions.select(List.of("ES")).getFirst();
  // 33 J over 2.2 s on two generic cores, half busy, measured by RAPL
  final MeasuredRun run = run(new EnergyBasis(Obtained.MEASURED, 10));

  private MeasuredRun run(EnergyBasis basis) {
    return new MeasuredRun("digits", 33 / 3.6e6, basis, "the run's own", 2.2 / 3600, here, 0.5, Optional.of(es));
  }

  @Test
  void theRunIsTheBaselineAndMovesUnchangedToOtherRegions() {
    Advice advice = new Advisor(Precision.FP32).advise(run, List.of(), regions.select(List.of("aws:eu-north-1")));
    assertThat(advice.options()).hasSize(2).allSatisfy(o -> {
      assertThat(o.asRun()).isTrue();
      assertThat(o.energyKwh()).isEqualTo(run.energyKwh());
      assertThat(o.hours()).isEqualTo(run.hours());
      assertThat(o.basis().method()).isEqualTo(Obtained.MEASURED);
    });
    Option home = advice.options().getFirst();
    assertThat(home.regionName()).isEqualTo("ES");
    assertThat(home.emissionsKg()).isCloseTo(run.energyKwh() * es.gPerKwh() / 1000, within(1e-15));
    Option sweden = advice.options().get(1);
    assertThat(sweden.emissionsKg()).isCloseTo(run.energyKwh() * 1.2 * 40.7 / 1000, within(1e-15));
    assertThat(home.uncertaintyPct()).isCloseTo(Math.hypot(10, 20), within(1e-9));
  }

  @Test
  void anEstimatedRunStaysEstimatedWithItsOwnUncertaintyAndAGivenOneStaysGiven() {
    for (EnergyBasis input : List.of(new EnergyBasis(Obtained.ESTIMATED, 50), new EnergyBasis(Obtained.GIVEN, 5),
        new EnergyBasis(Obtained.MIXED, 27))) {
      Option home = new Advisor(Precision.FP32).advise(run(input), List.of(), List.of()).options().getFirst();
      assertThat(home.asRun()).isTrue();
      assertThat(home.basis().method()).isEqualTo(input.method());
      // the run's uncertainty and the annual intensity's, in quadrature
      assertThat(home.uncertaintyPct()).isCloseTo(Math.hypot(input.uncertaintyPct(), 20), within(1e-9));
      assertThat(home.assumptions()).anyMatch(a -> a.startsWith("time and energy as the run's")
          && a.contains(input.toString()) && a.contains("the run's own"));
    }
  }

  @Test
  void everyScaledOptionIsEstimatedWhateverTheRunsMethod() {
    Hardware t4 = hardware.select(List.of("T4")).getFirst();
    Advice advice = new Advisor(Precision.FP32).advise(run, List.of(t4), List.of(es));
    Option scaled = advice.options().stream().filter(o -> o.hardware().equals(t4)).findFirst().orElseThrow();
    assertThat(scaled.asRun()).isFalse();
    assertThat(scaled.basis().method()).isEqualTo(Obtained.ESTIMATED);
    Option home = advice.options().stream().filter(Option::asRun).findFirst().orElseThrow();
    assertThat(home.basis().method()).isEqualTo(Obtained.MEASURED);
  }

  @Test
  void timeScalesByEffectivePeakAndEnergyByPowerAtFullLoad() {
    Hardware m6i = hardware.select(List.of("aws:m6i.xlarge")).getFirst();
    Advice advice = new Advisor(Precision.FP32).advise(run, List.of(m6i), regions.select(List.of("aws:eu-west-1", "gcp:europe-west1")));
    Option o = advice.options().stream().filter(x -> x.hardware().equals(m6i)).findFirst().orElseThrow();
    // 2 cores x 0.08 TFLOPS at 50 % -> 2 of 32 cores of 5.94 TFLOPS
    double speedup = (5.94 / 32 * 2) / (0.16 * 0.5);
    assertThat(o.hours()).isCloseTo(run.hours() / speedup, within(1e-12));
    double watts = m6i.power(1.0).watts();
    assertThat(o.energyKwh()).isCloseTo(watts * o.hours() / 1000, within(1e-15));
    assertThat(o.emissionsKg()).isCloseTo(o.energyKwh() * 1.2 * 290.81 / 1000, within(1e-15));
    assertThat(o.assumptions()).anyMatch(a -> a.startsWith("time scaled by peak throughput"))
        .anyMatch(a -> a.startsWith("power at full load"))
        .anyMatch(a -> a.contains("is not checked"));
    // an AWS instance is never placed in a GCP region
    assertThat(advice.options()).noneMatch(x -> x.hardware().equals(m6i) && x.regionName().startsWith("gcp:"));
    // same kind, 4.6x faster: 25 % + 10 % per doubling
    double timePct = 25 + 10 * Math.log(speedup) / Math.log(2);
    assertThat(o.uncertaintyPct()).isCloseTo(Math.sqrt(timePct * timePct + 30 * 30 + 20 * 20), within(1e-9));
  }

  @Test
  void aFlopCountUsesTheAssumedShareOfPeak() {
    Hardware a100 = hardware.select(List.of("A100-SXM4-40GB")).getFirst();
    Advice advice = new Advisor(Precision.FP16).advise(new FlopCount(3.6e18, 0.25), List.of(a100), List.of(es));
    Option o = advice.options().getFirst();
    assertThat(o.hours()).isCloseTo(3.6e18 / (312e12 * 0.25) / 3600, within(1e-9));
    assertThat(o.energyKwh()).isCloseTo(0.4 * o.hours(), within(1e-9));
  }

  @Test
  void hardwareWithoutAPeakAtThePrecisionIsLeftOutWithANote() {
    Hardware tpu = hardware.select(List.of("TPU-v4")).getFirst();
    Advice advice = new Advisor(Precision.FP32).advise(new FlopCount(1e15, 0.3), List.of(tpu), List.of(es));
    assertThat(advice.options()).isEmpty();
    assertThat(advice.notes()).containsExactly("TPU-v4: no published peak throughput at fp32 or wider; left out");
  }
}
