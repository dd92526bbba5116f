package io.lowcarb.schedule.window;

import io.lowcarb.energy.carbon.IntensityPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Resamples intensity periods onto an even grid ({@link Slots#from}): the periods become pieces
 * of a function of time (constant under step semantics, linear between points when asked), and
 * each slot takes the exact time-weighted mean of the pieces it covers.
 */
final class SlotGrid {
  private SlotGrid() {}

  /** {@code [a, b)} in seconds since the epoch, running from {@code va} at {@code a} to {@code vb} at {@code b}. */
  private record Piece(long a, long b, double va, double vb, boolean gap) {
    /** The integral over {@code [x, y)}, inside the piece. */
    double integral(long x, long y) {
      if (va == vb) {
        return va * (y - x);
      }
      double mid = (x + y) / 2.0;
      return (va + (vb - va) * (mid - a) / (b - a)) * (y - x);
    }
  }

  static Slots build(List<IntensityPoint> input, Slots.Interpolation interpolation, Duration fixedStep) {
    if (input.isEmpty()) {
      throw new IllegalArgumentException("no intensity values");
    }
    List<IntensityPoint> points = ordered(input);
    List<Piece> pieces = pieces(points, interpolation);
    long origin = pieces.getFirst().a();
    long last = pieces.getLast().b();
    long step;
    if (fixedStep != null) {
      step = fixedStep.toSeconds();
    } else {
      step = 0;
      for (Piece p : pieces) {
        step = gcd(step, p.b() - origin);
      }
      long count = (last - origin) / step;
      if (count > Slots.MAX_SLOTS) {
        step *= Math.ceilDiv(count, Slots.MAX_SLOTS);
      }
    }
    long count = Math.ceilDiv(last - origin, step);
    if (count > Slots.MAX_SLOTS) {
      throw new IllegalArgumentException("slots of " + Duration.ofSeconds(step) + " over " + Duration.ofSeconds(last - origin)
          + " would be " + count + ", more than " + Slots.MAX_SLOTS);
    }
    int n = (int) count;
    double[] sum = new double[n];
    long[] covered = new long[n];
    double[] whole = new double[n]; // the value of a constant piece that covers the slot alone, else NaN
    java.util.Arrays.fill(whole, Double.NaN);
    List<Segment> gaps = new ArrayList<>();
    for (Piece p : pieces) {
      for (long k = (p.a() - origin) / step; k < n && origin + k * step < p.b(); k++) {
        long s = origin + k * step;
        long x = Math.max(s, p.a());
        long y = Math.min(s + step, p.b());
        sum[(int) k] += p.integral(x, y);
        covered[(int) k] += y - x;
        if (x == s && y == s + step && p.va() == p.vb()) {
          whole[(int) k] = p.va(); // exact: no rounding through the sum
        }
      }
      if (p.gap()) {
        Instant a = Instant.ofEpochSecond(p.a());
        if (!gaps.isEmpty() && gaps.getLast().end().equals(a)) {
          gaps.set(gaps.size() - 1, new Segment(gaps.getLast().start(), Instant.ofEpochSecond(p.b())));
        } else {
          gaps.add(new Segment(a, Instant.ofEpochSecond(p.b())));
        }
      }
    }
    double[] values = new double[n];
    double held = pieces.getLast().vb();
    for (int k = 0; k < n; k++) {
      values[k] = !Double.isNaN(whole[k]) ? whole[k] : covered[k] > 0 ? sum[k] / covered[k] : held;
    }
    return new Slots(Instant.ofEpochSecond(origin), Duration.ofSeconds(step), values, gaps);
  }

  /** In start order; the later of two with one start wins; an overlap ends where the next begins. */
  private static List<IntensityPoint> ordered(List<IntensityPoint> input) {
    List<IntensityPoint> sorted = new ArrayList<>(input);
    sorted.sort(Comparator.comparing(IntensityPoint::start)); // stable
    List<IntensityPoint> out = new ArrayList<>(sorted.size());
    for (IntensityPoint p : sorted) {
      if (p.start().getNano() != 0 || p.duration().getNano() != 0) {
        throw new IllegalArgumentException("intensity periods must start and end on whole seconds: " + p.start()
            + " for " + p.duration());
      }
      if (!out.isEmpty() && out.getLast().start().equals(p.start())) {
        out.set(out.size() - 1, p);
      } else {
        out.add(p);
      }
    }
    return out;
  }

  private static List<Piece> pieces(List<IntensityPoint> points, Slots.Interpolation interpolation) {
    List<Piece> pieces = new ArrayList<>(points.size() + 8);
    for (int i = 0; i < points.size(); i++) {
      IntensityPoint p = points.get(i);
      long a = p.start().getEpochSecond();
      long end = p.end().getEpochSecond();
      if (i + 1 == points.size()) {
        pieces.add(new Piece(a, end, p.gPerKwh(), p.gPerKwh(), false));
        break;
      }
      IntensityPoint next = points.get(i + 1);
      long b = next.start().getEpochSecond();
      if (end >= b || b - a <= 2 * (end - a)) {
        end = b; // cut where the next begins, or held over a short hole
      }
      double vb = interpolation == Slots.Interpolation.LINEAR ? next.gPerKwh() : p.gPerKwh();
      double atEnd = p.gPerKwh() + (vb - p.gPerKwh()) * (end - a) / (double) (b - a);
      pieces.add(new Piece(a, end, p.gPerKwh(), atEnd, false));
      if (end < b) {
        pieces.add(new Piece(end, b, atEnd, vb, true)); // a gap: the value held (or the line drawn) across it
      }
    }
    return pieces;
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
