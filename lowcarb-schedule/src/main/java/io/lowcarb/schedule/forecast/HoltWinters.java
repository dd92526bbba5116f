package io.lowcarb.schedule.forecast;

import java.util.Optional;

/**
 * Double-seasonal Holt-Winters exponential smoothing (Taylor 2003, "Short-term electricity demand
 * forecasting using double seasonal exponential smoothing", J. Oper. Res. Soc. 54(8)): a level,
 * an additive daily cycle (24 h) and an additive weekly cycle (168 h), each updated every hour
 * with its own weight, plus Taylor's first-order autocorrelation adjustment, which carries the
 * last one-step error into the forecast with weight {@code phi^k} at lead time {@code k} hours.
 * There is no trend term.
 *
 * <p>The model starts from the mean level and mean daily and weekly profiles of the first two
 * weeks of its window (by default the last 16 weeks of history) and is then updated hour by hour
 * over the whole window, so each forecast costs time linear in the window. Unless fixed
 * parameters are given, they are fitted on the same window: a coordinate search over a small grid
 * of each weight, minimising the mean absolute error of the day-ahead forecasts it would have
 * issued every 24 hours after the first two weeks (at the same hour of day as the forecast being
 * made).
 *
 * <p>A missing hour (NaN) is replaced by the model's own one-step forecast: the level and cycles
 * carry on as the model expects, and nothing is learned from the gap. Forecasts are clamped at 0.
 */
public final class HoltWinters implements Forecaster {
  /**
   * The default window: 16 weeks, in hours, chosen on the 2021 traces of four zones (8 weeks did
   * worse; 24 weeks did about as well, at 1.5 times the cost).
   */
  public static final int DEFAULT_WINDOW = 16 * DoubleSeasonalSmoother.WEEK;
  /** The default lead time the fit scores: a day, in hours. */
  public static final int DEFAULT_FIT_HORIZON = DoubleSeasonalSmoother.DAY;

  private static final double[] LEVEL_GRID = {0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8};
  private static final double[] SEASON_GRID = {0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5};
  private static final double[] PHI_GRID = {0, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99};
  private static final int MAX_ROUNDS = 6;

  /**
   * Smoothing weights, in Taylor's notation, each in [0, 1].
   *
   * @param alpha the level's weight
   * @param delta the daily cycle's weight
   * @param omega the weekly cycle's weight
   * @param phi the autocorrelation of one-step errors, by which the last error carries forward
   */
  public record Parameters(double alpha, double delta, double omega, double phi) {
    public Parameters {
      check("alpha", alpha);
      check("delta", delta);
      check("omega", omega);
      check("phi", phi);
    }

    private static void check(String name, double value) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException("Holt-Winters " + name + " must be in [0, 1], got " + value);
      }
    }
  }

  private final int window;
  private final int fitHorizon;
  private final Parameters fixed;

  private HoltWinters(int window, int fitHorizon, Parameters fixed) {
    int least = DoubleSeasonalSmoother.INIT + (fixed == null ? DoubleSeasonalSmoother.WEEK : 0);
    if (window < least) {
      throw new IllegalArgumentException("a Holt-Winters window must be at least " + least + " hours, got " + window);
    }
    if (fitHorizon < 1) {
      throw new IllegalArgumentException("the fit horizon must be at least 1 hour, got " + fitHorizon);
    }
    this.window = window;
    this.fitHorizon = fitHorizon;
    this.fixed = fixed;
  }

  /** A model that fits its parameters on the last 16 weeks of each history, scoring day-ahead forecasts. */
  public static HoltWinters fitted() {
    return new HoltWinters(DEFAULT_WINDOW, DEFAULT_FIT_HORIZON, null);
  }

  /**
   * A model that fits its parameters on each history.
   *
   * @param windowHours how many of the latest hours to fit on and smooth over, at least 3 weeks (504)
   * @param fitHorizonHours the lead time, in hours, of the forecasts the fit scores
   */
  public static HoltWinters fitted(int windowHours, int fitHorizonHours) {
    return new HoltWinters(windowHours, fitHorizonHours, null);
  }

  /**
   * A model with fixed parameters, smoothing over the last {@code windowHours} of each history.
   *
   * @param windowHours at least 2 weeks (336)
   */
  public static HoltWinters withParameters(Parameters parameters, int windowHours) {
    return new HoltWinters(windowHours, DEFAULT_FIT_HORIZON, parameters);
  }

  /** The fixed parameters, or empty where they are fitted on each history. */
  public Optional<Parameters> parameters() {
    return Optional.ofNullable(fixed);
  }

  /** How many of the latest hours of history the model uses. */
  public int window() {
    return window;
  }

  @Override
  public String name() {
    return "holt-winters";
  }

  @Override
  public int minimumHistory() {
    return DoubleSeasonalSmoother.INIT + (fixed == null ? DoubleSeasonalSmoother.WEEK : 0);
  }

  @Override
  public double[] forecast(double[] history, int horizon) {
    Histories.check(this, history, horizon);
    Parameters p = fixed != null ? fixed : search(history);
    int from = Math.max(0, history.length - window);
    DoubleSeasonalSmoother s = new DoubleSeasonalSmoother(p, history, from, history.length);
    for (int i = from; i < history.length; i++) {
      s.update(history[i]);
    }
    double[] out = new double[horizon];
    s.forecast(out);
    for (int k = 0; k < horizon; k++) {
      out[k] = Math.max(0, out[k]);
    }
    return out;
  }

  /** This model with its parameters fitted to {@code history}; itself where they are fixed already. */
  @Override
  public HoltWinters fit(double[] history) {
    if (fixed != null) {
      return this;
    }
    Histories.check(this, history, fitHorizon);
    return new HoltWinters(window, fitHorizon, search(history));
  }

  /** Coordinate search: each weight in turn moves to its best grid value, until a round changes none. */
  private Parameters search(double[] history) {
    int from = Math.max(0, history.length - window);
    int to = history.length;
    double[] best = {0.05, 0.1, 0.05, 0.9};
    double bestError = error(best, history, from, to);
    double[][] grids = {LEVEL_GRID, SEASON_GRID, SEASON_GRID, PHI_GRID};
    for (int round = 0; round < MAX_ROUNDS; round++) {
      boolean moved = false;
      for (int which = 0; which < best.length; which++) {
        double kept = best[which];
        for (double candidate : grids[which]) {
          if (candidate == kept) {
            continue;
          }
          best[which] = candidate;
          double e = error(best, history, from, to);
          if (e < bestError) {
            bestError = e;
            kept = candidate;
            moved = true;
          }
        }
        best[which] = kept;
      }
      if (!moved) {
        break;
      }
    }
    return new Parameters(best[0], best[1], best[2], best[3]);
  }

  private double error(double[] w, double[] history, int from, int to) {
    Parameters p = new Parameters(w[0], w[1], w[2], w[3]);
    double e = DoubleSeasonalSmoother.dayAheadError(p, history, from, to, fitHorizon);
    return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
  }

  @Override
  public String toString() {
    return fixed == null
        ? "holt-winters (fitted on the last " + window + " h)"
        : "holt-winters " + fixed + " (over the last " + window + " h)";
  }
}
