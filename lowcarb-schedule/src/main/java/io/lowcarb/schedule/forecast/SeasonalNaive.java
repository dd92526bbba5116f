package io.lowcarb.schedule.forecast;

import java.time.Duration;

/**
 * The seasonal naive forecast: each hour takes the value of the same hour one period earlier, for
 * example yesterday's (period 24) or last week's (period 168). The baseline a model must beat.
 *
 * <p>Where that hour is missing, the same hour one more period back stands in, and so on; where
 * the history holds none at that phase of the period, the latest value present does.
 *
 * @param period the season length, in steps
 * @param step the length of one step of the histories: an hour, unless made {@link #atStep} another
 */
public record SeasonalNaive(int period, Duration step) implements Forecaster {
  private static final Duration HOUR = Duration.ofHours(1);

  public SeasonalNaive {
    if (period < 1) {
      throw new IllegalArgumentException("a seasonal period must be at least 1 " + (HOUR.equals(step) ? "hour" : "step")
          + ", got " + period);
    }
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("a step must be positive, got " + step);
    }
  }

  /** @param period the season length in hours */
  public SeasonalNaive(int period) {
    this(period, HOUR);
  }

  /** The same hour yesterday. */
  public static SeasonalNaive daily() {
    return new SeasonalNaive(24);
  }

  /** The same hour last week. */
  public static SeasonalNaive weekly() {
    return new SeasonalNaive(168);
  }

  /** Named by its season in hours: {@code seasonal-naive-24} at any step. */
  @Override
  public String name() {
    Duration season = step.multipliedBy(period);
    return "seasonal-naive-" + (season.toSeconds() % 3600 == 0 ? String.valueOf(season.toHours()) : season.toString());
  }

  /**
   * The same season in {@code step}-long steps.
   *
   * @throws IllegalArgumentException when the season is not a whole number of such steps
   */
  @Override
  public SeasonalNaive atStep(Duration step) {
    Duration season = this.step.multipliedBy(period);
    long steps = season.dividedBy(step);
    if (steps < 1 || !step.multipliedBy(steps).equals(season)) {
      throw new IllegalArgumentException("a season of " + season + " is not a whole number of " + step + " steps");
    }
    return new SeasonalNaive((int) steps, step);
  }

  @Override
  public int minimumHistory() {
    return period;
  }

  @Override
  public double[] forecast(double[] history, int horizon) {
    Histories.check(this, history, horizon);
    int n = history.length;
    double latest = Histories.latest(history);
    double[] out = new double[horizon];
    for (int k = 0; k < horizon; k++) {
      // the hour one, two, ... periods before hour n + k that lies in the history
      int i = n + k - period * (k / period + 1);
      while (i >= 0 && Double.isNaN(history[i])) {
        i -= period;
      }
      out[k] = i >= 0 ? history[i] : latest;
    }
    return out;
  }
}
