package io.lowcarb.schedule.forecast;

import io.lowcarb.energy.carbon.IntensitySeries;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Replays a recorded series as if forecasts had been made on it: every day at a given UTC hour,
 * after a warm-up, each forecaster forecasts the next hours from the hours before, and the
 * forecasts are scored against what was recorded. Hours the series lacks are not scored.
 */
public final class Backtest {
  private final Options options;

  /**
   * Settings of a backtest.
   *
   * @param horizonHours how many hours each forecast covers (24 for day-ahead)
   * @param issueHourUtc the UTC hour of day, 0 to 23, at which forecasts are made
   * @param warmUp how much of the series comes before the first forecast, at least a whole hour
   * @param refitEvery how often forecasters refit what they tune ({@link Forecaster#fit}); a day
   *     or less refits before every forecast
   */
  public record Options(int horizonHours, int issueHourUtc, Duration warmUp, Duration refitEvery) {
    public Options {
      if (horizonHours < 1) {
        throw new IllegalArgumentException("a backtest horizon must be at least 1 hour, got " + horizonHours);
      }
      if (issueHourUtc < 0 || issueHourUtc > 23) {
        throw new IllegalArgumentException("the issue hour must be 0 to 23 (UTC), got " + issueHourUtc);
      }
      if (warmUp.compareTo(Duration.ofHours(1)) < 0) {
        throw new IllegalArgumentException("the warm-up must be at least an hour, got " + warmUp);
      }
      if (refitEvery.isNegative()) {
        throw new IllegalArgumentException("the refit interval must not be negative, got " + refitEvery);
      }
    }

    /** Day-ahead forecasts made at 00:00 UTC after 4 weeks of warm-up, refitting weekly. */
    public static Options defaults() {
      return new Options(24, 0, Duration.ofDays(28), Duration.ofDays(7));
    }

    /** These options with another horizon, in hours. */
    public Options withHorizon(int hours) {
      return new Options(hours, issueHourUtc, warmUp, refitEvery);
    }

    /** These options with another issue hour, 0 to 23 UTC. */
    public Options withIssueHour(int hourUtc) {
      return new Options(horizonHours, hourUtc, warmUp, refitEvery);
    }

    /** These options with another warm-up. */
    public Options withWarmUp(Duration warmUp) {
      return new Options(horizonHours, issueHourUtc, warmUp, refitEvery);
    }

    /** These options with another refit interval. */
    public Options withRefitEvery(Duration refitEvery) {
      return new Options(horizonHours, issueHourUtc, warmUp, refitEvery);
    }
  }

  /**
   * How one forecaster did.
   *
   * @param forecaster the forecaster's {@link Forecaster#name()}
   * @param mapePercent mean absolute percentage error over the scored hours, in %; hours whose
   *     recorded intensity is 0 count towards the MAE only; NaN when none was scored
   * @param maeGPerKwh mean absolute error over the scored hours, in gCO2e/kWh; NaN when none
   * @param forecasts how many forecasts were made and had at least one hour scored
   * @param hoursScored how many forecast hours were compared with a recorded value
   */
  public record Result(String forecaster, double mapePercent, double maeGPerKwh, int forecasts, long hoursScored) {}

  /** A backtest with {@link Options#defaults()}. */
  public Backtest() {
    this(Options.defaults());
  }

  /** A backtest with the given options. */
  public Backtest(Options options) {
    this.options = options;
  }

  /** The options this backtest runs with. */
  public Options options() {
    return options;
  }

  /**
   * Backtests each forecaster on {@code series}. Forecasts are made at every issue hour from the
   * end of the warm-up while the whole horizon lies within the series.
   *
   * @return one result per forecaster, in the order given
   * @throws IllegalArgumentException when the warm-up is shorter than a forecaster's
   *     {@link Forecaster#minimumHistory()}, or the series leaves no room for a forecast
   */
  public List<Result> run(IntensitySeries series, List<Forecaster> forecasters) {
    long warmUpHours = ceilHours(options.warmUp());
    for (Forecaster f : forecasters) {
      if (warmUpHours < f.minimumHistory()) {
        throw new IllegalArgumentException("a warm-up of " + warmUpHours + " h is shorter than the "
            + f.minimumHistory() + " h of history " + f.name() + " needs");
      }
    }
    Instant start = Forecasts.ceilHour(series.first());
    Instant end = series.end().truncatedTo(ChronoUnit.HOURS);
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("the series for " + series.zone() + " covers less than a whole hour");
    }
    double[] values = Forecasts.hourly(series, start, end);
    int first = firstIssue(start, (int) warmUpHours);
    int horizon = options.horizonHours();
    if (first + horizon > values.length) {
      throw new IllegalArgumentException("the series for " + series.zone() + " (" + values.length
          + " h) is too short for a warm-up of " + warmUpHours + " h and a " + horizon + " h forecast");
    }
    long refitHours = Math.max(1, ceilHours(options.refitEvery()));
    List<Result> results = new ArrayList<>();
    for (Forecaster f : forecasters) {
      results.add(score(f, values, first, horizon, refitHours));
    }
    return results;
  }

  private Result score(Forecaster f, double[] values, int first, int horizon, long refitHours) {
    double absolute = 0;
    double percent = 0;
    long scored = 0;
    long scoredPercent = 0;
    int forecasts = 0;
    Forecaster fitted = null;
    int fittedAt = 0;
    for (int issue = first; issue + horizon <= values.length; issue += DoubleSeasonalSmoother.DAY) {
      double[] history = Arrays.copyOf(values, issue);
      if (fitted == null || issue - fittedAt >= refitHours) {
        fitted = f.fit(history);
        fittedAt = issue;
      }
      double[] forecast = fitted.forecast(history, horizon);
      boolean any = false;
      for (int k = 0; k < horizon; k++) {
        double actual = values[issue + k];
        if (Double.isNaN(actual)) {
          continue;
        }
        double error = Math.abs(forecast[k] - actual);
        absolute += error;
        scored++;
        if (actual > 0) {
          percent += error / actual;
          scoredPercent++;
        }
        any = true;
      }
      if (any) {
        forecasts++;
      }
    }
    return new Result(f.name(),
        scoredPercent == 0 ? Double.NaN : 100 * percent / scoredPercent,
        scored == 0 ? Double.NaN : absolute / scored,
        forecasts, scored);
  }

  /** The index of the first issue hour at or after {@code warmUpHours} from the start. */
  private int firstIssue(Instant start, int warmUpHours) {
    Instant t = start.plus(Duration.ofHours(warmUpHours));
    int hourOfDay = (int) ((t.getEpochSecond() / 3600) % 24);
    int wait = Math.floorMod(options.issueHourUtc() - hourOfDay, 24);
    return warmUpHours + wait;
  }

  private static long ceilHours(Duration d) {
    long hours = d.toHours();
    return d.equals(Duration.ofHours(hours)) ? hours : hours + 1;
  }
}
