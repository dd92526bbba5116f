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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What the meter does when a sensor, the activity or the intensity fails, and which settings it refuses. */
class MeterTroubleTest {
  static final Instant T0 = Instant.parse("2024-05-01T00:30:00Z");

  final StepClock clock = new StepClock(T0);
  final AtomicBoolean activityFails = new AtomicBoolean();
  final ActivitySource activity = (start, seconds) -> {
    if (activityFails.getAndSet(false)) {
      throw new IllegalStateException("/proc/stat vanished");
    }
    return new Activity(start, seconds, 0.5, 0.5, 0, 0, 0);
  };

  private Meter.Builder builder(ScriptedSensor... sensors) {
    return Meter.builder().clock(clock).activity(activity).sensors(List.of(sensors))
        .intensity(FixedIntensity.override("ES", 100)).sampleInterval(Duration.ZERO);
  }

  @Test
  void aFailingSensorLosesOneIntervalAndSaysSoWhileTheOthersCount() {
    ScriptedSensor cpu = ScriptedSensor.cpu(10, 5);
    ScriptedSensor gpu = new ScriptedSensor("nvml:0", Component.GPU, Method.NVML, 5, new io.lowcarb.energy.sensor.EnergyDelta(7, 7));
    try (Meter meter = builder(cpu, gpu).warnings(List.of("RAPL dram is not readable")).build();
        Measurement task = meter.start("t")) {
      clock.step(Duration.ofSeconds(1));
      gpu.failNext.set(true);
      meter.sampleNow();
      clock.step(Duration.ofSeconds(1));
      EnergyReport r = task.stop();
      assertThat(r.component(Component.CPU).orElseThrow().joules()).isEqualTo(2 * 5);
      assertThat(r.component(Component.GPU).orElseThrow().joules()).isEqualTo(7); // one of its two intervals
      assertThat(r.warnings()).hasSize(2);
      assertThat(r.warnings().get(0)).isEqualTo("RAPL dram is not readable");
      assertThat(r.warnings().get(1)).contains("nvml:0").contains("device gone").contains("skipped");
    }
  }

  @Test
  void unreadableActivitySkipsTheIntervalWithAWarning() {
    ScriptedSensor cpu = ScriptedSensor.cpu(10, 5);
    try (Meter meter = builder(cpu).build(); Measurement task = meter.start("t")) {
      clock.step(Duration.ofSeconds(1));
      activityFails.set(true);
      meter.sampleNow();
      clock.step(Duration.ofSeconds(1));
      EnergyReport r = task.stop();
      assertThat(r.joules()).isEqualTo(5); // the sensor was not read for the skipped interval
      assertThat(r.seconds()).isEqualTo(2);
      assertThat(r.warnings()).singleElement().asString().contains("/proc/stat vanished");
    }
  }

  @Test
  void pastTheEndOfASeriesTheLastValueIsHeldAndThatIsSaid() {
    Instant midnight = Instant.parse("2024-05-01T00:00:00Z");
    IntensitySeries oneHour = new IntensitySeries("ES", "es.csv", List.of(
        new IntensityPoint(midnight, Duration.ofHours(1), 100, IntensityKind.SERIES, "es.csv", midnight)));
    try (Meter meter = builder(ScriptedSensor.cpu(3.6e6, 3.6e6)).intensity(oneHour).build();
        Measurement task = meter.start("t")) {
      clock.step(Duration.ofMinutes(20));
      meter.sampleNow(); // 00:30-00:50, inside the series
      clock.step(Duration.ofMinutes(20)); // 00:50-01:10 runs past it
      EnergyReport r = task.stop();
      assertThat(r.emissionsGrams()).isCloseTo(2 * 100, within(1e-9));
      assertThat(r.warnings()).singleElement().asString().contains("was held").contains("100.0");
    }
  }

  @Test
  void aSeriesThatDoesNotCoverTheStartIsRefused() {
    Instant later = Instant.parse("2024-06-01T00:00:00Z");
    IntensitySeries june = new IntensitySeries("ES", "june.csv", List.of(
        new IntensityPoint(later, Duration.ofHours(1), 100, IntensityKind.SERIES, "june.csv", later)));
    assertThatThrownBy(() -> builder(ScriptedSensor.cpu(1, 1)).intensity(june).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no value at");
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> Meter.builder().pue(0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Meter.builder().pue(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Meter.builder().pue(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Meter.builder().zone("nope"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    assertThat(Meter.builder().pue(1.0)).isNotNull();
  }
}
