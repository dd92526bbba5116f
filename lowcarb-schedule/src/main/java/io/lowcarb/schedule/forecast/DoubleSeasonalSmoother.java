package io.lowcarb.schedule.forecast;

/**
 * The state of Taylor's double-seasonal exponential smoothing with additive daily and weekly
 * cycles, run period by period over a window of a history. There is no trend term: over a day or
 * two it mostly adds noise, and the level follows changes through its smoothing weight.
 *
 * <p>With {@code day} periods a day (24 for hourly histories, 48 for half-hourly), period {@code t}
 * of the window (counted from 0) has daily index {@code t % day} and weekly index {@code t % (7 *
 * day)}. A missing period is replaced by the model's own one-step forecast, so the state moves as
 * the model expects and nothing is learned from it.
 */
final class DoubleSeasonalSmoother {
  /** Hours in a day: the daily cycle of hourly histories. */
  static final int DAY = 24;
  /** Hours in a week. */
  static final int WEEK = 168;
  /** Hours used to set the starting level and seasonal indices of hourly histories: two weeks. */
  static final int INIT = 2 * WEEK;

  private final int day;
  private final int week;

  private final double alpha;
  private final double delta;
  private final double omega;
  private final double phi;
  private final double[] daily;
  private final double[] weekly;
  private double level;
  /** The last one-step error, carried into forecasts with weight {@code phi^k}. */
  private double error;
  private int dayIndex;
  private int weekIndex;

  /**
   * Sets the starting state from the first two weeks of {@code y[from, to)} (fewer if the window is
   * shorter); the caller then feeds every period of the window, those included, to {@link #update}.
   *
   * @param day periods in a day
   * @throws IllegalArgumentException when the window holds no values
   */
  DoubleSeasonalSmoother(HoltWinters.Parameters p, int day, double[] y, int from, int to) {
    this.alpha = p.alpha();
    this.delta = p.delta();
    this.omega = p.omega();
    this.phi = p.phi();
    this.day = day;
    this.week = 7 * day;
    this.daily = new double[day];
    this.weekly = new double[week];
    int initEnd = Math.min(to, from + 2 * week);
    double sum = 0;
    int count = 0;
    for (int i = from; i < initEnd; i++) {
      if (!Double.isNaN(y[i])) {
        sum += y[i];
        count++;
      }
    }
    if (count == 0) {
      for (int i = initEnd; i < to && count == 0; i++) {
        if (!Double.isNaN(y[i])) {
          sum = y[i];
          count = 1;
        }
      }
      if (count == 0) {
        throw new IllegalArgumentException(
            "the last " + (to - from) + (day == DAY ? " hours" : " periods") + " of history hold no values: every one is missing");
      }
    }
    level = sum / count;
    meanDeviations(y, from, initEnd, day, daily, null);
    meanDeviations(y, from, initEnd, week, weekly, daily);
  }

  /** Per phase of {@code period}, the mean of {@code y - level - (daily index)}; 0 where no value. */
  private void meanDeviations(double[] y, int from, int to, int period, double[] out, double[] less) {
    int[] counts = new int[period];
    for (int i = from; i < to; i++) {
      if (!Double.isNaN(y[i])) {
        int phase = (i - from) % period;
        out[phase] += y[i] - level - (less == null ? 0 : less[(i - from) % less.length]);
        counts[phase]++;
      }
    }
    for (int j = 0; j < period; j++) {
      out[j] = counts[j] == 0 ? 0 : out[j] / counts[j];
    }
  }

  /** Takes in the next period's value (NaN where missing). */
  void update(double value) {
    double d = daily[dayIndex];
    double w = weekly[weekIndex];
    double expected = level + d + w;
    double y = Double.isNaN(value) ? expected + phi * error : value;
    error = y - expected;
    level = alpha * (y - d - w) + (1 - alpha) * level;
    daily[dayIndex] = delta * (y - level - w) + (1 - delta) * d;
    weekly[weekIndex] = omega * (y - level - d) + (1 - omega) * w;
    dayIndex = dayIndex + 1 == day ? 0 : dayIndex + 1;
    weekIndex = weekIndex + 1 == week ? 0 : weekIndex + 1;
  }

  /** Forecasts the next {@code out.length} periods into {@code out}, unclamped. */
  void forecast(double[] out) {
    double adjustment = error;
    int d = dayIndex;
    int w = weekIndex;
    for (int k = 0; k < out.length; k++) {
      adjustment *= phi;
      out[k] = level + daily[d] + weekly[w] + adjustment;
      d = d + 1 == day ? 0 : d + 1;
      w = w + 1 == week ? 0 : w + 1;
    }
  }

  /**
   * Runs over {@code y[from, to)} and returns the mean absolute error, in the units of {@code y},
   * of the {@code horizon}-period forecasts issued every day at the phase of {@code to}, the first
   * after two weeks; periods with no value are not scored.
   *
   * @param day periods in a day
   * @return the mean absolute error, or NaN when no period could be scored
   */
  static double dayAheadError(HoltWinters.Parameters p, int day, double[] y, int from, int to, int horizon) {
    DoubleSeasonalSmoother s = new DoubleSeasonalSmoother(p, day, y, from, to);
    double[] f = new double[horizon];
    int init = 14 * day;
    int origin = to - day * ((horizon + day - 1) / day);
    while (origin - day >= from + init) {
      origin -= day;
    }
    double sum = 0;
    int count = 0;
    for (int i = from; i < to; i++) {
      if (i == origin && origin + horizon <= to) {
        s.forecast(f);
        for (int k = 0; k < horizon; k++) {
          double actual = y[origin + k];
          if (!Double.isNaN(actual)) {
            sum += Math.abs(actual - Math.max(0, f[k]));
            count++;
          }
        }
        origin += day;
      }
      s.update(y[i]);
    }
    return count == 0 ? Double.NaN : sum / count;
  }
}
