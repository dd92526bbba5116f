package io.lowcarb.schedule.forecast;

/**
 * The seasonal naive forecast: each hour takes the value of the same hour one period earlier, for
 * example yesterday's (period 24) or last week's (period 168). The baseline a model must beat.
 *
 * <p>Where that hour is missing, the same hour one more period back stands in, and so on; where
 * the history holds none at that phase of the period, the latest value present does.
 *
 * @param period the season length in hours
 */
public record SeasonalNaive(int period) implements Forecaster {

  public SeasonalNaive {
    if (period < 1) {
      throw new IllegalArgumentException("a seasonal period must be at least 1 hour, got " + period);
    }
  }

  /** The same hour yesterday. */
  public static SeasonalNaive daily() {
    return new SeasonalNaive(24);
  }

  /** The same hour last week. */
  public static SeasonalNaive weekly() {
    return new SeasonalNaive(168);
  }

  @Override
  public String name() {
    return "seasonal-naive-" + period;
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
