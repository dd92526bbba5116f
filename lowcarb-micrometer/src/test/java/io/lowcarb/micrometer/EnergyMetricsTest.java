package io.lowcarb.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.Clock;
import io.lowcarb.energy.Component;
import io.lowcarb.energy.Method;
import io.lowcarb.energy.Meter;
import io.lowcarb.energy.carbon.FixedIntensity;
import io.lowcarb.energy.sensor.Activity;
import io.lowcarb.energy.sensor.EnergyDelta;
import io.lowcarb.energy.sensor.EnergySensor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyMetricsTest {

  /** A clock moved by hand. */
  static final class StepClock implements Clock {
    long nanos;

    @Override
    public Instant wallTime() {
      return Instant.parse("2024-01-01T00:00:00Z").plusNanos(nanos);
    }

    @Override
    public long monotonicNanos() {
      return nanos;
    }
  }

  /** 10 J per second of machine energy, 4 J per second attributed. */
  record Steady(Component component, Method method) implements EnergySensor {
    @Override
    public String name() {
      return "steady:" + component.label();
    }

    @Override
    public double uncertaintyPct() {
      return 1;
    }

    @Override
    public EnergyDelta sample(Activity a) {
      return new EnergyDelta(10 * a.seconds(), 4 * a.seconds());
    }
  }

  @Test
  void publishesPowerEnergyAndEmissionsWithTheirMethod() {
    StepClock clock = new StepClock();
    try (Meter meter =
        Meter.builder()
            .clock(clock)
            .activity((start, seconds) -> new Activity(start, seconds, 0.5, 0.2, 0, 0, 0))
            .sensors(List.of(new Steady(Component.CPU, Method.RAPL), new Steady(Component.RAM, Method.ESTIMATE)))
            .intensity(FixedIntensity.override("ES", 360))
            .sampleInterval(Duration.ZERO)
            .build()) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new EnergyMetrics(meter).bindTo(registry);

      clock.nanos += Duration.ofSeconds(36).toNanos();
      meter.sampleNow();

      assertThat(registry.get("lowcarb.power").tags("component", "cpu", "method", "rapl").gauge().value())
          .isCloseTo(10, within(1e-9));
      assertThat(registry.get("lowcarb.energy").tags("component", "ram", "method", "estimate", "scope", "machine")
              .functionCounter().count())
          .isCloseTo(360, within(1e-9));
      assertThat(registry.get("lowcarb.energy").tags("component", "cpu", "scope", "process")
              .functionCounter().count())
          .isCloseTo(144, within(1e-9));
      // 720 J = 0.2 Wh = 0.0002 kWh at 360 g/kWh = 0.072 g
      assertThat(registry.get("lowcarb.emissions").tags("scope", "machine", "zone", "ES").functionCounter().count())
          .isCloseTo(0.072, within(1e-12));
    }
  }
}
