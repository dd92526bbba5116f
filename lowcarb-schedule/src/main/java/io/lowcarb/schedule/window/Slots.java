package io.lowcarb.schedule.window;

import io.lowcarb.energy.carbon.IntensityPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * An evenly spaced intensity series: slot {@code i} covers {@code [start + i*step, start + (i+1)*step)}
 * at {@code values[i]} gCO2e/kWh. Prefix sums make the integral over any interval O(1).
 *
 * <p>Slots inside a gap (a stretch the source has no value for) hold the last value before it, as
 * step semantics would, but the searches in {@link BestWindow} never plan a job into them.
 *
 * @param start the start of the first slot
 * @param step the length of every slot
 * @param values intensity per slot, gCO2e/kWh
 * @param gaps the stretches without a value in the source, in time order, not overlapping, inside
 *     {@code [start, end())}
 */
public record Slots(Instant start, Duration step, double[] values, List<Segment> gaps) {

  /**
   * The most slots {@link #from} makes: a year of 30-second slots. A series whose finest step
   * would need more is averaged onto a coarser grid (exact for windows on that grid).
   */
  public static final int MAX_SLOTS = 1_000_000;

  /** How values between two points are read. */
  public enum Interpolation {
    /** A value holds from its time until the next point's (how Electricity Maps, WattTime and National Grid define theirs). */
    STEP,
    /** Values change linearly from one point's time to the next's, as if they were samples at those times. */
    LINEAR
  }

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
    gaps = List.copyOf(gaps);
    Instant end = start.plus(step.multipliedBy(values.length));
    Instant after = start;
    for (Segment g : gaps) {
      if (g.start().isBefore(after) || g.end().isAfter(end)) {
        throw new IllegalArgumentException("gaps must be in time order, apart, and inside the slots: " + g);
      }
      after = g.end();
    }
  }

  /** Slots of equal length from {@code values}, without gaps. */
  public static Slots of(Instant start, Duration step, double... values) {
    return new Slots(start, step, values, List.of());
  }

  /** As {@link #from(List, Interpolation)} with step semantics. */
  public static Slots from(List<IntensityPoint> points) {
    return from(points, Interpolation.STEP);
  }

  /**
   * Slots from intensity periods of any lengths (a series and its forecast at another resolution,
   * say), on the finest grid that holds every period's start and end: the greatest common divisor
   * of their offsets from the first start, so that the slots are exact for step functions. Where
   * that grid would need more than {@link #MAX_SLOTS}, a multiple of it is used and each slot is
   * the time-weighted mean of what it covers.
   *
   * <p>Points are taken in start order; of two with one start the later in the list wins, and a
   * point that overlaps the next ends where the next begins. A hole between two points is held
   * over by the earlier value when the next point starts within twice the earlier one's length of
   * its start; a longer hole is a gap (listed in {@link #gaps()}).
   *
   * @throws IllegalArgumentException when there are no points or a start is not a whole second
   */
  public static Slots from(List<IntensityPoint> points, Interpolation interpolation) {
    return SlotGrid.build(points, interpolation, null);
  }

  /**
   * As {@link #from(List, Interpolation)}, on a grid of {@code step} from the first point's start:
   * exact where {@code step} divides every period's offsets (a finer grid than the finest step,
   * say), time-weighted means otherwise. The last slot may reach past the last period, holding its
   * value.
   */
  public static Slots from(List<IntensityPoint> points, Interpolation interpolation, Duration step) {
    if (step.isNegative() || step.isZero() || step.toNanos() % 1_000_000_000L != 0) {
      throw new IllegalArgumentException("a slot length must be a positive whole number of seconds, got " + step);
    }
    return SlotGrid.build(points, interpolation, step);
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
  public OptionalDouble at(Instant time) {
    if (time.isBefore(start) || !time.isBefore(end())) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(values[(int) Duration.between(start, time).dividedBy(step)]);
  }

  /**
   * The time-weighted mean intensity over {@code [from, to)}, gCO2e/kWh, gaps read with the
   * values they hold.
   *
   * @throws IllegalArgumentException when the interval is empty or not inside the slots
   */
  public double mean(Instant from, Instant to) {
    if (!to.isAfter(from) || from.isBefore(start) || to.isAfter(end())) {
      throw new IllegalArgumentException("no mean over " + from + " to " + to + " in slots covering " + start
          + " to " + end());
    }
    Timeline line = timeline();
    long a = Duration.between(start, from).toSeconds();
    long b = Duration.between(start, to).toSeconds();
    return (line.integral(b) - line.integral(a)) / (b - a);
  }

  /** The gaps that overlap {@code [from, to)}, cut to it. */
  public List<Segment> gapsWithin(Instant from, Instant to) {
    List<Segment> out = new ArrayList<>();
    for (Segment g : gaps) {
      Instant a = g.start().isBefore(from) ? from : g.start();
      Instant b = g.end().isAfter(to) ? to : g.end();
      if (b.isAfter(a)) {
        out.add(new Segment(a, b));
      }
    }
    return out;
  }

  /** A view in seconds and prefix sums, for the searches. */
  Timeline timeline() {
    return new Timeline(this);
  }

  /**
   * Integrals over time of the series in gCO2e/kWh x seconds, relative to the series' start, and
   * which slots lie in a gap.
   */
  static final class Timeline {
    final long stepSeconds;
    final long origin;
    final double[] values;
    final double[] prefix; // prefix[i] = integral over the first i slots
    private final int[] gapPrefix; // gapPrefix[i] = slots in a gap among the first i; null without gaps

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
      if (slots.gaps.isEmpty()) {
        gapPrefix = null;
      } else {
        boolean[] inGap = new boolean[values.length];
        for (Segment g : slots.gaps) {
          long a = g.start().getEpochSecond() - origin;
          long b = g.end().getEpochSecond() - origin + (g.end().getNano() > 0 ? 1 : 0);
          for (long k = a / stepSeconds; k < values.length && k * stepSeconds < b; k++) {
            inGap[(int) k] = true;
          }
        }
        gapPrefix = new int[values.length + 1];
        for (int i = 0; i < values.length; i++) {
          gapPrefix[i + 1] = gapPrefix[i] + (inGap[i] ? 1 : 0);
        }
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

    /** Whether any slot overlapping {@code [a, b)} (seconds after the start, a < b) lies in a gap. */
    boolean touchesGap(long a, long b) {
      if (gapPrefix == null) {
        return false;
      }
      int from = (int) (a / stepSeconds);
      int to = (int) Math.min(values.length, Math.ceilDiv(b, stepSeconds));
      return gapPrefix[to] - gapPrefix[from] > 0;
    }

    /** Whether slot {@code i} lies in a gap. */
    boolean inGap(int i) {
      return gapPrefix != null && gapPrefix[i + 1] > gapPrefix[i];
    }

    boolean hasGaps() {
      return gapPrefix != null;
    }
  }
}
