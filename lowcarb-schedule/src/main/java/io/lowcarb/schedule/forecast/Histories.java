package io.lowcarb.schedule.forecast;

import java.time.Duration;

/** Checks shared by the forecasters. */
final class Histories {
  private static final Duration HOUR = Duration.ofHours(1);

  private Histories() {}

  static void check(Forecaster forecaster, double[] history, int horizon) {
    boolean hourly = forecaster.step().equals(HOUR);
    if (horizon < 1) {
      throw new IllegalArgumentException("a forecast horizon must be at least 1 " + (hourly ? "hour" : "period")
          + ", got " + horizon);
    }
    if (history.length < forecaster.minimumHistory()) {
      throw new IllegalArgumentException(forecaster.name() + " needs at least " + forecaster.minimumHistory()
          + (hourly ? " hours" : " periods of " + forecaster.step()) + " of history, got " + history.length);
    }
    for (int i = 0; i < history.length; i++) {
      double v = history[i];
      if (!Double.isNaN(v) && !(v >= 0 && v < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("history values must be finite and >= 0 gCO2e/kWh (or NaN where missing), got "
            + v + " at " + (hourly ? "hour " : "period ") + i);
      }
    }
  }

  /** The last value that is not NaN. */
  static double latest(double[] history) {
    for (int i = history.length - 1; i >= 0; i--) {
      if (!Double.isNaN(history[i])) {
        return history[i];
      }
    }
    throw new IllegalArgumentException("the history holds no values: every one of its " + history.length
        + " periods is missing");
  }
}
