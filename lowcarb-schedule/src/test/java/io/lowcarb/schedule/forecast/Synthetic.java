package io.lowcarb.schedule.forecast;

import io.lowcarb.energy.carbon.IntensityKind;
import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.IntensitySeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/** Made-up hourly intensity series for tests. */
final class Synthetic {
  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  private Synthetic() {}

  /** {@code hours} values of {@code f} at hours 0, 1, ... */
  static double[] values(int hours, IntToDoubleFunction f) {
    double[] out = new double[hours];
    for (int t = 0; t < hours; t++) {
      out[t] = f.applyAsDouble(t);
    }
    return out;
  }

  /** 200 + 50 sin(2 pi t / 24): a daily cycle and nothing else. */
  static double dailySine(int t) {
    return 200 + 50 * Math.sin(2 * Math.PI * t / 24);
  }

  /** The daily sine, 40 lower on Saturdays and Sundays (hours 120 to 167 of each week). */
  static double dailyAndWeekly(int t) {
    return dailySine(t) - (t % 168 >= 120 ? 40 : 0);
  }

  /** An hourly series from {@link #START}; NaN values are left out, as gaps. */
  static IntensitySeries series(double[] values) {
    return series(values, Duration.ofHours(1));
  }

  /** A series of {@code step}-long periods from {@link #START}; NaN values are left out, as gaps. */
  static IntensitySeries series(double[] values, Duration step) {
    List<IntensityPoint> points = new ArrayList<>();
    for (int t = 0; t < values.length; t++) {
      if (!Double.isNaN(values[t])) {
        points.add(new IntensityPoint(START.plus(step.multipliedBy(t)), step, values[t],
            IntensityKind.SERIES, "synthetic.csv", START));
      }
    }
    return new IntensitySeries("XX", "synthetic.csv", points);
  }
}
