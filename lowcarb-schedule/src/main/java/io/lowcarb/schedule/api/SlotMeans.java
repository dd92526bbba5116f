package io.lowcarb.schedule.api;

import io.lowcarb.schedule.window.Slots;
import java.time.Duration;
import java.time.Instant;

/** Time-weighted means of a slot series over any interval inside it, O(1) each by prefix sums. */
final class SlotMeans {
  private final Instant origin;
  private final double step; // seconds
  private final double[] values;
  private final double[] prefix; // prefix[i] = integral over the first i slots, gCO2e/kWh x s

  SlotMeans(Slots slots) {
    this.origin = slots.start();
    this.step = slots.step().toNanos() / 1e9;
    this.values = slots.values();
    this.prefix = new double[values.length + 1];
    for (int i = 0; i < values.length; i++) {
      prefix[i + 1] = prefix[i] + values[i] * step;
    }
  }

  /** The mean over {@code [from, to)}, which must lie inside the series, gCO2e/kWh. */
  double mean(Instant from, Instant to) {
    double a = seconds(from);
    double b = seconds(to);
    return (integral(b) - integral(a)) / (b - a);
  }

  private double seconds(Instant t) {
    return Duration.between(origin, t).toNanos() / 1e9;
  }

  private double integral(double x) {
    int i = (int) Math.min(Math.max(0, Math.floor(x / step)), values.length - 1);
    return prefix[i] + (x - i * step) * values[i];
  }
}
