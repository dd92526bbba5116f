package io.lowcarb.schedule.forecast;

import java.time.Duration;

/**
 * A model that forecasts carbon intensity period by period from the periods before: hours, unless
 * the forecaster was made for another {@link #step()} with {@link #atStep}.
 *
 * <p>Histories are arrays of values in gCO2e/kWh, one per period, oldest first, the last one being
 * the period just before the forecast starts. A missing period is {@link Double#NaN}.
 * Implementations must not modify the array and must be safe to call from several threads.
 */
public interface Forecaster {

  /** A short name for reports and provenance, for example {@code seasonal-naive-24}. */
  String name();

  /** The fewest hours of history {@link #forecast} accepts. */
  int minimumHistory();

  /**
   * Forecasts the {@code horizon} hours that follow {@code history}.
   *
   * @param history hourly intensities in gCO2e/kWh, oldest first; NaN where an hour is missing
   * @param horizon how many hours to forecast, at least 1
   * @return {@code horizon} forecasts in gCO2e/kWh, each finite and >= 0
   * @throws IllegalArgumentException when the history is shorter than {@link #minimumHistory()},
   *     holds no values where the model needs them, or the horizon is below 1
   */
  double[] forecast(double[] history, int horizon);

  /** The length of one period of its histories and forecasts: an hour unless made {@link #atStep} another. */
  default Duration step() {
    return Duration.ofHours(1);
  }

  /**
   * This forecaster for histories of {@code step}-long periods, its seasons kept in time (a daily
   * cycle of 24 hours becomes 48 half hours).
   *
   * @throws IllegalArgumentException when it cannot work at that step (the default: any but its own)
   */
  default Forecaster atStep(Duration step) {
    if (step.equals(step())) {
      return this;
    }
    throw new IllegalArgumentException(name() + " forecasts periods of " + step() + " only, not " + step);
  }

  /**
   * Fits what this forecaster tunes on data (smoothing parameters, say) to {@code history} and
   * returns a forecaster that keeps it fixed, so that it can be reused on the histories of the
   * following days without fitting again. Forecasters that tune nothing return themselves.
   *
   * @throws IllegalArgumentException as {@link #forecast} does
   */
  default Forecaster fit(double[] history) {
    return this;
  }
}
