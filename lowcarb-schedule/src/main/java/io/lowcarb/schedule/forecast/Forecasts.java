package io.lowcarb.schedule.forecast;

import io.lowcarb.energy.Clock;
import io.lowcarb.energy.carbon.IntensityKind;
import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.IntensitySeries;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns intensity series into histories of evenly spaced periods, and forecasts into intensity
 * points at the series' own resolution.
 */
public final class Forecasts {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final long DAY_SECONDS = 86_400;
  /** How many of the last periods decide a series' step: a day of half hours. */
  private static final int RECENT = 48;

  private Forecasts() {}

  /**
   * Forecasts {@code [from, to)} from the series' values before {@code from}, at the series' own
   * resolution ({@link #step}): a half-hourly series gets half-hourly forecast points, and the
   * forecaster works in half hours ({@link Forecaster#atStep}), its daily cycle 48 periods long.
   *
   * @param history the recorded series; only its periods before {@code from} are used
   * @param from the first forecast period's start, at least one period after the series' first
   * @param to the end of the forecast (exclusive), rounded up to a whole period
   * @param forecaster the model, made for any step: it is moved to the series'
   * @return one point per period, of kind {@link IntensityKind#FORECAST}, whose source names the
   *     model, the series and the end of the history it saw
   * @throws IllegalArgumentException when {@code to} is not after {@code from}, the series holds too
   *     little history before {@code from} for the model, or the model cannot work at the step
   */
  public static List<IntensityPoint> extend(IntensitySeries history, Instant from, Instant to, Forecaster forecaster) {
    return extend(history, from, to, forecaster, Clock.SYSTEM);
  }

  /** As {@link #extend(IntensitySeries, Instant, Instant, Forecaster)}, stamping points with {@code clock}'s time. */
  public static List<IntensityPoint> extend(
      IntensitySeries history, Instant from, Instant to, Forecaster forecaster, Clock clock) {
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("a forecast must end after it starts: " + from + " to " + to);
    }
    Duration step = step(history);
    Forecaster model = forecaster.atStep(step);
    long periods = Duration.between(history.first(), from).dividedBy(step);
    if (!from.isAfter(history.first()) || periods < 1) {
      throw new IllegalArgumentException("the series for " + history.zone() + " starts at " + history.first()
          + ": there is no history before " + from + " to forecast from");
    }
    Instant start = from.minus(step.multipliedBy(periods)); // the grid ends at from
    int horizon = (int) ceilDiv(Duration.between(from, to), step);
    double[] values = resample(history, start, from, step);
    double[] forecast = model.forecast(values, horizon);
    String source = forecaster.name() + " forecast from " + history.source() + " up to " + from;
    Instant made = clock.wallTime();
    List<IntensityPoint> out = new ArrayList<>(horizon);
    for (int k = 0; k < horizon; k++) {
      out.add(new IntensityPoint(from.plus(step.multipliedBy(k)), step, forecast[k], IntensityKind.FORECAST, source, made));
    }
    return out;
  }

  /**
   * The series' resolution at its end, which forecasts follow: the shortest of its last 48
   * periods, where that is whole seconds and divides a day evenly; an hour otherwise.
   */
  public static Duration step(IntensitySeries series) {
    List<IntensityPoint> points = series.points();
    Duration step = null;
    for (IntensityPoint p : points.subList(Math.max(0, points.size() - RECENT), points.size())) {
      if (step == null || p.duration().compareTo(step) < 0) {
        step = p.duration();
      }
    }
    long seconds = step.toSeconds();
    return seconds >= 1 && step.equals(Duration.ofSeconds(seconds)) && DAY_SECONDS % seconds == 0 ? step : HOUR;
  }

  /**
   * The series' means over the {@code step}-long periods of {@code [from, to)}: for each period, the
   * mean of the series' periods that overlap it weighted by the overlap; NaN for a period none
   * overlaps. Exact where the series' own periods are whole multiples of {@code step}.
   *
   * @param to {@code from} plus a whole number of steps
   * @return values in gCO2e/kWh, oldest first
   */
  public static double[] resample(IntensitySeries series, Instant from, Instant to, Duration step) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("a range must not end before it starts: " + from + " to " + to);
    }
    if (!step.isPositive()) {
      throw new IllegalArgumentException("a step must be positive, got " + step);
    }
    long n = Duration.between(from, to).dividedBy(step);
    if (!from.plus(step.multipliedBy(n)).equals(to)) {
      throw new IllegalArgumentException("the range " + from + " to " + to + " is not a whole number of " + step);
    }
    int periods = (int) n;
    double[] sum = new double[periods];
    double[] weight = new double[periods];
    for (IntensityPoint p : series.points()) {
      if (!p.end().isAfter(from) || !p.start().isBefore(to)) {
        continue;
      }
      Instant a = p.start().isBefore(from) ? from : p.start();
      Instant b = p.end().isAfter(to) ? to : p.end();
      while (a.isBefore(b)) {
        int k = (int) Duration.between(from, a).dividedBy(step);
        Instant periodEnd = from.plus(step.multipliedBy(k + 1L));
        Instant e = periodEnd.isBefore(b) ? periodEnd : b;
        double w = Duration.between(a, e).toNanos() / (double) step.toNanos(); // 1 exactly for a whole period
        sum[k] += w * p.gPerKwh();
        weight[k] += w;
        a = e;
      }
    }
    double[] out = new double[periods];
    for (int k = 0; k < periods; k++) {
      out[k] = weight[k] > 0 ? sum[k] / weight[k] : Double.NaN;
    }
    return out;
  }

  private static long ceilDiv(Duration d, Duration step) {
    long n = d.dividedBy(step);
    return step.multipliedBy(n).equals(d) ? n : n + 1;
  }

  /**
   * The series' hourly means over {@code [from, to)}: for each whole hour, the mean of the periods
   * that overlap it weighted by the overlap; NaN for an hour no period overlaps.
   *
   * @param from a whole UTC hour
   * @param to a whole UTC hour, not before {@code from}
   * @return values in gCO2e/kWh, oldest first
   */
  public static double[] hourly(IntensitySeries series, Instant from, Instant to) {
    requireWholeHour(from, "an hourly range's start");
    requireWholeHour(to, "an hourly range's end");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("an hourly range must not end before it starts: " + from + " to " + to);
    }
    return resample(series, from, to, HOUR);
  }

  static Instant ceilHour(Instant t) {
    Instant floor = t.truncatedTo(ChronoUnit.HOURS);
    return floor.equals(t) ? t : floor.plus(HOUR);
  }

  private static void requireWholeHour(Instant t, String what) {
    if (!t.truncatedTo(ChronoUnit.HOURS).equals(t)) {
      throw new IllegalArgumentException(what + " must be a whole UTC hour, got " + t);
    }
  }
}
