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

/** Turns intensity series into hourly histories, and forecasts into intensity points. */
public final class Forecasts {
  private static final Duration HOUR = Duration.ofHours(1);

  private Forecasts() {}

  /**
   * Forecasts the hours of {@code [from, to)} from the series' values before {@code from}.
   *
   * @param history the recorded series; only its periods before {@code from} are used
   * @param from the first forecast hour, a whole UTC hour after the series' first
   * @param to the end of the forecast (exclusive), rounded up to a whole hour
   * @param forecaster the model
   * @return one hourly point per hour, of kind {@link IntensityKind#FORECAST}, whose source names
   *     the model, the series and the last hour of history it saw
   * @throws IllegalArgumentException when {@code from} is not a whole hour, {@code to} is not after
   *     it, or the series holds too little history before {@code from} for the model
   */
  public static List<IntensityPoint> extend(IntensitySeries history, Instant from, Instant to, Forecaster forecaster) {
    return extend(history, from, to, forecaster, Clock.SYSTEM);
  }

  /** As {@link #extend(IntensitySeries, Instant, Instant, Forecaster)}, stamping points with {@code clock}'s time. */
  public static List<IntensityPoint> extend(
      IntensitySeries history, Instant from, Instant to, Forecaster forecaster, Clock clock) {
    requireWholeHour(from, "a forecast start");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("a forecast must end after it starts: " + from + " to " + to);
    }
    Instant start = ceilHour(history.first());
    if (!from.isAfter(start)) {
      throw new IllegalArgumentException("the series for " + history.zone() + " starts at " + history.first()
          + ": there is no history before " + from + " to forecast from");
    }
    int horizon = (int) Duration.between(from, ceilHour(to)).toHours();
    double[] values = hourly(history, start, from);
    double[] forecast = forecaster.forecast(values, horizon);
    String source = forecaster.name() + " forecast from " + history.source() + " up to " + from;
    Instant made = clock.wallTime();
    List<IntensityPoint> out = new ArrayList<>(horizon);
    for (int k = 0; k < horizon; k++) {
      Instant hour = from.plus(HOUR.multipliedBy(k));
      out.add(new IntensityPoint(hour, HOUR, forecast[k], IntensityKind.FORECAST, source, made));
    }
    return out;
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
    int hours = (int) Duration.between(from, to).toHours();
    double[] sum = new double[hours];
    double[] weight = new double[hours];
    for (IntensityPoint p : series.points()) {
      if (!p.end().isAfter(from) || !p.start().isBefore(to)) {
        continue;
      }
      Instant a = p.start().isBefore(from) ? from : p.start();
      Instant b = p.end().isAfter(to) ? to : p.end();
      while (a.isBefore(b)) {
        int h = (int) Duration.between(from, a).toHours();
        Instant hourEnd = from.plus(HOUR.multipliedBy(h + 1L));
        Instant e = hourEnd.isBefore(b) ? hourEnd : b;
        double w = Duration.between(a, e).toNanos() / (double) HOUR.toNanos(); // 1 exactly for a whole hour
        sum[h] += w * p.gPerKwh();
        weight[h] += w;
        a = e;
      }
    }
    double[] out = new double[hours];
    for (int h = 0; h < hours; h++) {
      out[h] = weight[h] > 0 ? sum[h] / weight[h] : Double.NaN;
    }
    return out;
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
