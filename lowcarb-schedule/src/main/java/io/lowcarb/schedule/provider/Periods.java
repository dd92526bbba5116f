package io.lowcarb.schedule.provider;

import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.IntensitySeries;
import io.lowcarb.energy.carbon.IntensityUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Splitting long ranges into requests a provider accepts, and merging the answers back. */
final class Periods {
  private Periods() {}

  /** A time range {@code [from, to)}. */
  record Range(Instant from, Instant to) {}

  /** {@code [from, to)} cut into consecutive ranges of at most {@code max}. */
  static List<Range> split(Instant from, Instant to, Duration max) {
    List<Range> out = new ArrayList<>();
    Instant start = from;
    while (start.isBefore(to)) {
      Instant end = start.plus(max).isBefore(to) ? start.plus(max) : to;
      out.add(new Range(start, end));
      start = end;
    }
    return out;
  }

  /** The start of the {@code step}-long period (counted from the epoch) holding {@code time}. */
  static Instant floor(Instant time, Duration step) {
    long ms = step.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), ms) * ms);
  }

  /** The end of the {@code step}-long period holding the instant just before {@code time}. */
  static Instant ceil(Instant time, Duration step) {
    Instant f = floor(time, step);
    return f.equals(time) ? time : f.plus(step);
  }

  /**
   * The points of all {@code parts} in time order, each period once: among points with the same
   * start the one from the earlier part is kept (list the more trusted source first), and a point
   * that overlaps the one before it is dropped.
   */
  @SafeVarargs
  static List<IntensityPoint> merge(List<IntensityPoint>... parts) {
    List<IntensityPoint> all = new ArrayList<>();
    for (List<IntensityPoint> part : parts) {
      all.addAll(part);
    }
    // A stable sort keeps the earlier part first among equal starts.
    all.sort(Comparator.comparing(IntensityPoint::start));
    List<IntensityPoint> out = new ArrayList<>();
    for (IntensityPoint p : all) {
      if (out.isEmpty() || !p.start().isBefore(out.getLast().end())) {
        out.add(p);
      }
    }
    return out;
  }

  /** The points overlapping {@code [from, to)}. */
  static List<IntensityPoint> overlapping(List<IntensityPoint> points, Instant from, Instant to) {
    return points.stream().filter(p -> p.end().isAfter(from) && p.start().isBefore(to)).toList();
  }

  /**
   * The forecast periods that overlap {@code [from, to)}.
   *
   * @param what names the provider and zone in the message, e.g. "Electricity Maps v3 has no forecast for DE"
   * @throws IntensityUnavailableException when none does, saying what the forecast covers
   */
  static List<IntensityPoint> forecastWithin(String what, List<IntensityPoint> all, Instant from, Instant to)
      throws IntensityUnavailableException {
    List<IntensityPoint> in = overlapping(all, from, to);
    if (in.isEmpty()) {
      throw new IntensityUnavailableException(what + " between " + from + " and " + to
          + (all.isEmpty() ? "" : "; its forecast covers " + all.getFirst().start() + " to " + all.getLast().end()));
    }
    return in;
  }

  /** Whether one of {@code points} covers {@code time}. */
  static boolean covers(List<IntensityPoint> points, Instant time) {
    return points.stream().anyMatch(p -> p.covers(time));
  }

  /**
   * The points covering {@code [from, to)} without gaps.
   *
   * @throws IntensityUnavailableException when there are none, or a part of the range is not covered
   */
  static List<IntensityPoint> cover(String zone, String source, List<IntensityPoint> points, Instant from, Instant to)
      throws IntensityUnavailableException {
    if (points.isEmpty()) {
      throw new IntensityUnavailableException(source + " returned no intensity for " + zone + " between " + from + " and " + to);
    }
    return new IntensitySeries(zone, source, points).between(from, to);
  }
}
