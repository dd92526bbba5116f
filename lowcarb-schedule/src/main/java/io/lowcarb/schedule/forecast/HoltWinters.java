package io.lowcarb.schedule.forecast;

import java.time.Duration;
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
 *
 * <p>The model reads hourly histories; {@link #atStep} makes it read periods of another length
 * that divides a day (48 half hours a day, say): its cycles, window and fit horizon, given in
 * hours, then count in those periods.
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

  private static final Duration HOUR = Duration.ofHours(1);

  private final int windowHours;
  private final int fitHorizonHours;
  private final Parameters fixed;
  private final Duration step;
  /** Periods of {@link #step} in a day, the window and the fit horizon. */
  private final int day;
  private final int window;
  private final int fitHorizon;

  private HoltWinters(int windowHours, int fitHorizonHours, Parameters fixed, Duration step) {
    int least = DoubleSeasonalSmoother.INIT + (fixed == null ? DoubleSeasonalSmoother.WEEK : 0);
    if (windowHours < least) {
      throw new IllegalArgumentException("a Holt-Winters window must be at least " + least + " hours, got " + windowHours);
    }
    if (fitHorizonHours < 1) {
      throw new IllegalArgumentException("the fit horizon must be at least 1 hour, got " + fitHorizonHours);
    }
    long seconds = step.toSeconds();
    if (seconds < 1 || !step.equals(Duration.ofSeconds(seconds)) || 86_400 % seconds != 0) {
      throw new IllegalArgumentException("Holt-Winters needs periods that divide a day, got " + step);
    }
    this.windowHours = windowHours;
    this.fitHorizonHours = fitHorizonHours;
    this.fixed = fixed;
    this.step = step;
    this.day = (int) (86_400 / seconds);
    this.window = (int) Math.ceilDiv(windowHours * 3600L, seconds);
    this.fitHorizon = (int) Math.ceilDiv(fitHorizonHours * 3600L, seconds);
  }

  /** A model that fits its parameters on the last 16 weeks of each history, scoring day-ahead forecasts. */
  public static HoltWinters fitted() {
    return new HoltWinters(DEFAULT_WINDOW, DEFAULT_FIT_HORIZON, null, HOUR);
  }

  /**
   * A model that fits its parameters on each history.
   *
   * @param windowHours how many of the latest hours to fit on and smooth over, at least 3 weeks (504)
   * @param fitHorizonHours the lead time, in hours, of the forecasts the fit scores
   */
  public static HoltWinters fitted(int windowHours, int fitHorizonHours) {
    return new HoltWinters(windowHours, fitHorizonHours, null, HOUR);
  }

  /**
   * A model with fixed parameters, smoothing over the last {@code windowHours} of each history.
   *
   * @param windowHours at least 2 weeks (336)
   */
  public static HoltWinters withParameters(Parameters parameters, int windowHours) {
    return new HoltWinters(windowHours, DEFAULT_FIT_HORIZON, parameters, HOUR);
  }

  /** The fixed parameters, or empty where they are fitted on each history. */
  public Optional<Parameters> parameters() {
    return Optional.ofNullable(fixed);
  }

  /** How many of the latest periods of history (hours, unless made {@link #atStep} another step) the model uses. */
  public int window() {
    return window;
  }

  @Override
  public Duration step() {
    return step;
  }

  /**
   * This model for histories of {@code step}-long periods: its daily cycle has {@code 1 day /
   * step} periods, its weekly cycle seven times that, and its window and fit horizon keep their
   * length in time.
   *
   * @throws IllegalArgumentException when {@code step} is not a whole number of seconds that divides a day
   */
  @Override
  public HoltWinters atStep(Duration step) {
    return step.equals(this.step) ? this : new HoltWinters(windowHours, fitHorizonHours, fixed, step);
  }

  @Override
  public String name() {
    return "holt-winters";
  }

  @Override
  public int minimumHistory() {
    return 14 * day + (fixed == null ? 7 * day : 0);
  }

  @Override
  public double[] forecast(double[] history, int horizon) {
    Histories.check(this, history, horizon);
    Parameters p = fixed != null ? fixed : search(history);
    int from = Math.max(0, history.length - window);
    DoubleSeasonalSmoother s = new DoubleSeasonalSmoother(p, day, history, from, history.length);
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
    return new HoltWinters(windowHours, fitHorizonHours, search(history), step);
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
    double e = DoubleSeasonalSmoother.dayAheadError(p, day, history, from, to, fitHorizon);
    return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
  }

  @Override
  public String toString() {
    String periods = step.equals(HOUR) ? "" : ", periods of " + step;
    return fixed == null
        ? "holt-winters (fitted on the last " + windowHours + " h" + periods + ")"
        : "holt-winters " + fixed + " (over the last " + windowHours + " h" + periods + ")";
  }
}
