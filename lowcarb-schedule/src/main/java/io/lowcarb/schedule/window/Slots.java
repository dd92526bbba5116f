package io.lowcarb.schedule.window;

import io.lowcarb.energy.carbon.IntensityPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An evenly spaced intensity series: slot {@code i} covers {@code [start + i*step, start + (i+1)*step)}
 * at {@code values[i]} gCO2e/kWh. Prefix sums make the integral over any interval O(1).
 *
 * @param start the start of the first slot
 * @param step the length of every slot
 * @param values intensity per slot, gCO2e/kWh
 * @param filled short gaps that were filled by linear interpolation, for reporting
 */
public record Slots(Instant start, Duration step, double[] values, List<Segment> filled) {

  /** Gaps up to this many slots are filled by interpolation; longer gaps are errors. */
  public static final int MAX_FILLED_SLOTS = 3;

  public Slots {
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("the slot length must be positive");
    }
    if (values.length == 0) {
      throw new IllegalArgumentException("an intensity series needs at least one slot");
    }
    for (double v : values) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("intensity must be finite and >= 0 gCO2e/kWh, got " + v);
      }
    }
    values = values.clone();
    filled = List.copyOf(filled);
  }

  /** Slots of equal length from {@code values}, with nothing filled. */
  public static Slots of(Instant start, Duration step, double... values) {
    return new Slots(start, step, values, List.of());
  }

  /**
   * Slots from intensity periods: they must be in strictly increasing time order, of one length,
   * on one grid. Gaps of up to {@link #MAX_FILLED_SLOTS} slots are filled by linear interpolation
   * (and listed in {@link #filled()}); a longer gap is an error naming it.
   *
   * @throws IllegalArgumentException for unsorted or duplicate times, mixed period lengths or a long gap
   */
  public static Slots from(List<IntensityPoint> points) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("no intensity values");
    }
    Duration step = points.getFirst().duration();
    Instant start = points.getFirst().start();
    List<Double> values = new ArrayList<>();
    List<Segment> filled = new ArrayList<>();
    Instant expected = start;
    double previous = Double.NaN;
    for (IntensityPoint p : points) {
      if (!p.duration().equals(step)) {
        throw new IllegalArgumentException("intensity periods of different lengths: " + step + " and "
            + p.duration() + " at " + p.start());
      }
      if (p.start().isBefore(expected)) {
        throw new IllegalArgumentException("intensity times are unsorted, duplicated or overlapping at " + p.start());
      }
      long missing = Duration.between(expected, p.start()).dividedBy(step);
      if (!expected.plus(step.multipliedBy(missing)).equals(p.start())) {
        throw new IllegalArgumentException("intensity period at " + p.start() + " is off the " + step
            + " grid that starts at " + start);
      }
      if (missing > MAX_FILLED_SLOTS) {
        throw new IllegalArgumentException("the intensity series has a gap from " + expected + " to " + p.start()
            + " (" + missing + " periods missing; at most " + MAX_FILLED_SLOTS + " are filled)");
      }
      if (missing > 0) {
        for (int k = 1; k <= missing; k++) {
          values.add(previous + (p.gPerKwh() - previous) * k / (missing + 1));
        }
        filled.add(new Segment(expected, p.start()));
      }
      values.add(p.gPerKwh());
      previous = p.gPerKwh();
      expected = p.end();
    }
    return new Slots(start, step, values.stream().mapToDouble(Double::doubleValue).toArray(), filled);
  }

  /** The end of the last slot (exclusive). */
  public Instant end() {
    return start.plus(step.multipliedBy(values.length));
  }

  /** The number of slots. */
  public int size() {
    return values.length;
  }

  /** The start of slot {@code i}. */
  public Instant slotStart(int i) {
    return start.plus(step.multipliedBy(i));
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** The intensity of slot {@code i}, gCO2e/kWh. */
  public double value(int i) {
    return values[i];
  }

  /** The intensity of the slot that covers {@code time}, gCO2e/kWh; empty outside the series. */
  public java.util.OptionalDouble at(Instant time) {
    if (time.isBefore(start) || !time.isBefore(end())) {
      return java.util.OptionalDouble.empty();
    }
    return java.util.OptionalDouble.of(values[(int) Duration.between(start, time).dividedBy(step)]);
  }

  /** A view in seconds and prefix sums, for the searches. */
  Timeline timeline() {
    return new Timeline(this);
  }

  /**
   * Integrals over time of the series in gCO2e/kWh x seconds, relative to the series' start.
   */
  static final class Timeline {
    final long stepSeconds;
    final long origin;
    final double[] values;
    final double[] prefix; // prefix[i] = integral over the first i slots

    Timeline(Slots slots) {
      this.stepSeconds = slots.step.toSeconds();
      if (stepSeconds <= 0 || !slots.step.equals(Duration.ofSeconds(stepSeconds))) {
        throw new IllegalArgumentException("slots must be whole seconds long, got " + slots.step);
      }
      this.origin = slots.start.getEpochSecond();
      this.values = slots.values;
      this.prefix = new double[values.length + 1];
      for (int i = 0; i < values.length; i++) {
        prefix[i + 1] = prefix[i] + values[i] * stepSeconds;
      }
    }

    long end() {
      return values.length * stepSeconds;
    }

    /** The integral from the series' start to {@code t} seconds after it, 0 <= t <= end(). */
    double integral(long t) {
      int i = (int) Math.min(t / stepSeconds, values.length - 1);
      return prefix[i] + (t - i * stepSeconds) * values[i];
    }
  }
}
