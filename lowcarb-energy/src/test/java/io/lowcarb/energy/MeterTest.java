package io.lowcarb.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.carbon.FixedIntensity;
import io.lowcarb.energy.carbon.IntensityKind;
import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.IntensitySeries;
import io.lowcarb.energy.sensor.Activity;
import io.lowcarb.energy.sensor.ActivitySource;
import io.lowcarb.energy.sensor.EnergyDelta;
import io.lowcarb.energy.sensor.EnergySensor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class MeterTest {
  static final Instant T0 = Instant.parse("2024-05-01T00:30:00Z");

  final StepClock clock = new StepClock(T0);
  final ActivitySource activity = (start, seconds) -> new Activity(start, seconds, 0.5, 0.25, 0, 0, 0);

  /** Machine power in W; a quarter is attributed to the process. */
  record Constant(Component component, Method method, double watts, double uncertaintyPct) implements EnergySensor {
    @Override
    public String name() {
      return "constant:" + component.label();
    }

    @Override
    public EnergyDelta sample(Activity a) {
      double joules = watts * a.seconds();
      return new EnergyDelta(joules, joules * a.processShare());
    }
  }

  private Meter.Builder builder() {
    return Meter.builder()
        .clock(clock)
        .activity(activity)
        .sensors(List.of(new Constant(Component.CPU, Method.RAPL, 40, 10), new Constant(Component.RAM, Method.ESTIMATE, 4, 40)))
        .intensity(FixedIntensity.override("ES", 200))
        .sampleInterval(Duration.ZERO);
  }

  @Test
  void aTaskGetsTheEnergyOfItsOwnTimeWithMethodsAndPower() {
    try (Meter meter = builder().pue(1.5).build()) {
      clock.step(Duration.ofSeconds(100)); // before the task: not counted
      meter.sampleNow();
      Measurement task = meter.start("train");
      clock.step(Duration.ofSeconds(30));
      meter.sampleNow();
      clock.step(Duration.ofSeconds(60));
      EnergyReport r = task.stop();

      assertThat(r.seconds()).isCloseTo(90, within(1e-9));
      assertThat(r.scope()).isEqualTo(Scope.PROCESS);
      ComponentEnergy cpu = r.component(Component.CPU).orElseThrow();
      assertThat(cpu.joules()).isCloseTo(40 * 90 * 0.25, within(1e-9));
      assertThat(cpu.averageWatts()).isCloseTo(10, within(1e-9));
      assertThat(cpu.method()).isEqualTo(Method.RAPL);
      assertThat(cpu.uncertaintyPct()).isEqualTo(10);
      assertThat(r.component(Component.RAM).orElseThrow().method()).isEqualTo(Method.ESTIMATE);
      assertThat(r.machineComponents().getFirst().joules()).isCloseTo(40 * 90, within(1e-9));
      // emissions = kWh x intensity x PUE
      assertThat(r.emissionsGrams()).isCloseTo(Units.kwh(r.joules()) * 200 * 1.5, within(1e-12));
      assertThat(r.intensity().gPerKwh()).isCloseTo(200, within(1e-9));
      assertThat(r.intensity().kind()).isEqualTo(IntensityKind.OVERRIDE);
      assertThat(r.pue()).isEqualTo(1.5);
      assertThat(r.complete()).isTrue();
      assertThat(task.stop()).isSameAs(r);
      assertThat(task.report()).containsSame(r);
    }
  }

  @Test
  void machineScopeReportsTheWholeMachine() {
    try (Meter meter = builder().scope(Scope.MACHINE).build(); Measurement task = meter.start("t")) {
      clock.step(Duration.ofSeconds(10));
      EnergyReport r = task.stop();
      assertThat(r.joules()).isCloseTo(440, within(1e-9));
      assertThat(r.emissionsGrams()).isEqualTo(r.machineEmissionsGrams());
    }
  }

  @Test
  void nestedTasksAppearInTheirParentAndEndWithIt() {
    try (Meter meter = builder().build()) {
      Measurement epoch = meter.start("training");
      Measurement first = epoch.start("epoch 1");
      clock.step(Duration.ofSeconds(10));
      EnergyReport one = first.stop();
      Measurement second = epoch.start("epoch 2");
      clock.step(Duration.ofSeconds(20));
      EnergyReport all = epoch.stop(); // ends epoch 2 too
      assertThat(second.report()).isPresent();
      assertThat(all.children()).extracting(EnergyReport::task).containsExactly("epoch 1", "epoch 2");
      assertThat(one.joules() + all.children().get(1).joules()).isCloseTo(all.joules(), within(1e-9));
      assertThatThrownBy(() -> epoch.start("late")).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void emissionsFollowTheIntensityHourByHour() {
    // 00:00-01:00 at 100 g/kWh, 01:00-02:00 at 300 g/kWh; the task runs 00:30-01:30.
    Instant midnight = Instant.parse("2024-05-01T00:00:00Z");
    IntensitySeries series = new IntensitySeries("ES", "test", List.of(
        new IntensityPoint(midnight, Duration.ofHours(1), 100, IntensityKind.SERIES, "test", midnight),
        new IntensityPoint(midnight.plus(Duration.ofHours(1)), Duration.ofHours(1), 300, IntensityKind.SERIES, "test", midnight)));
    try (Meter meter = builder().intensity(series).scope(Scope.MACHINE).build(); Measurement task = meter.start("t")) {
      clock.step(Duration.ofMinutes(20));
      meter.sampleNow();
      clock.step(Duration.ofMinutes(20)); // this interval crosses 01:00
      meter.sampleNow();
      clock.step(Duration.ofMinutes(20));
      EnergyReport r = task.stop();
      double kwhPerHalf = Units.kwh(44 * 1800);
      assertThat(r.emissionsGrams()).isCloseTo(kwhPerHalf * 100 + kwhPerHalf * 300, within(1e-9));
      assertThat(r.intensity().gPerKwh()).isCloseTo(200, within(1e-9));
      assertThat(r.intensity().kind()).isEqualTo(IntensityKind.SERIES);
    }
  }

  @Test
  void progressIsReportedWhileTheTaskRuns() {
    List<EnergyReport> seen = new CopyOnWriteArrayList<>();
    try (Meter meter = builder().build(); Measurement task = meter.start("long")) {
      task.onProgress(Duration.ofSeconds(10), seen::add);
      for (int i = 0; i < 25; i++) {
        clock.step(Duration.ofSeconds(1));
        meter.sampleNow();
      }
      assertThat(seen).hasSize(2);
      assertThat(seen).allMatch(r -> !r.complete());
      assertThat(seen.get(1).seconds()).isCloseTo(20, within(1e-9));
      task.stop();
      clock.step(Duration.ofSeconds(20));
      meter.sampleNow();
      assertThat(seen).hasSize(2); // nothing after the end
    }
  }

  @Test
  void manyThreadsMeasuringAtOnceLoseNothing() throws Exception {
    try (Meter meter = builder().scope(Scope.MACHINE).build()) {
      List<Thread> threads = new ArrayList<>();
      List<EnergyReport> reports = new CopyOnWriteArrayList<>();
      for (int t = 0; t < 8; t++) {
        threads.add(Thread.ofPlatform().start(() -> {
          for (int i = 0; i < 200; i++) {
            try (Measurement m = meter.start("task")) {
              clock.step(Duration.ofMillis(1));
              reports.add(m.stop());
            }
          }
        }));
      }
      Thread sampler = Thread.ofPlatform().start(() -> {
        for (int i = 0; i < 500; i++) {
          meter.sampleNow();
        }
      });
      for (Thread t : threads) {
        t.join();
      }
      sampler.join();
      meter.sampleNow();
      assertThat(reports).hasSize(1600).allMatch(r -> r.joules() >= 0 && r.emissionsGrams() >= 0);
      // The meter's totals are exactly power x elapsed time: no interval counted twice or lost.
      double elapsed = clock.monotonicNanos() / 1e9;
      assertThat(meter.machineJoules().get(Component.CPU)).isCloseTo(40 * elapsed, within(1e-6));
    }
  }

  @Test
  void warningsGivenToTheBuilderAreInEveryReport() {
    try (Meter meter = builder().warnings(List.of("RAPL is present but not readable")).build();
        Measurement task = meter.start("t")) {
      assertThat(task.stop().warnings()).containsExactly("RAPL is present but not readable");
    }
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> Meter.builder().pue(0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Meter.builder().zone("atlantis")).hasMessageContaining("unknown zone 'atlantis'");
    assertThatThrownBy(() -> Meter.builder().sampleInterval(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCloudZoneBringsItsPue() {
    try (Meter meter = builder().zone("aws:eu-west-1").build(); Measurement task = meter.start("t")) {
      clock.step(Duration.ofSeconds(1));
      EnergyReport r = task.stop();
      assertThat(r.pue()).isEqualTo(1.2);
      assertThat(r.intensity().zone()).isEqualTo("aws:eu-west-1");
      assertThat(r.intensity().kind()).isEqualTo(IntensityKind.ANNUAL_AVERAGE);
    }
  }

  @Test
  void theSamplingThreadSamplesOnItsOwn() throws Exception {
    try (Meter meter = builder().clock(Clock.SYSTEM).sampleInterval(Duration.ofMillis(20)).build()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (meter.machineJoules().get(Component.CPU) == 0.0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(meter.machineJoules().get(Component.CPU)).isPositive();
      assertThat(meter.machineWatts().get(Component.CPU)).isCloseTo(40, within(1e-6));
    }
  }
}
