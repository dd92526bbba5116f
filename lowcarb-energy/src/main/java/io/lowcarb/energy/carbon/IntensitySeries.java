package io.lowcarb.energy.carbon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A time series of intensity periods, in time order, as read from a file. */
public final class IntensitySeries implements CarbonIntensityProvider {
  private final String zone;
  private final String source;
  private final List<IntensityPoint> points;
  private final Instant[] starts;

  /**
   * @param zone the zone the series describes
   * @param source the file or service it came from
   * @param points periods in strictly increasing start order, not overlapping
   */
  public IntensitySeries(String zone, String source, List<IntensityPoint> points) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("an intensity series needs at least one point");
    }
    for (int i = 1; i < points.size(); i++) {
      if (points.get(i).start().isBefore(points.get(i - 1).end())) {
        throw new IllegalArgumentException("intensity periods overlap or are out of order at " + points.get(i).start());
      }
    }
    this.zone = zone;
    this.source = source;
    this.points = List.copyOf(points);
    this.starts = this.points.stream().map(IntensityPoint::start).toArray(Instant[]::new);
  }

  @Override
  public String zone() {
    return zone;
  }

  @Override
  public String source() {
    return source;
  }

  /** All periods. */
  public List<IntensityPoint> points() {
    return points;
  }

  /** The start of the first period. */
  public Instant first() {
    return points.getFirst().start();
  }

  /** The end of the last period (exclusive). */
  public Instant end() {
    return points.getLast().end();
  }

  private int indexAt(Instant time) {
    int lo = 0;
    int hi = starts.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (!starts[mid].isAfter(time)) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  @Override
  public IntensityPoint at(Instant time) throws IntensityUnavailableException {
    int i = indexAt(time);
    if (i < 0 || !points.get(i).covers(time)) {
      throw new IntensityUnavailableException(
          "the series for " + zone + " (" + source + ") has no value at " + time + "; it covers " + first() + " to " + end());
    }
    return points.get(i);
  }

  @Override
  public List<IntensityPoint> between(Instant from, Instant to) throws IntensityUnavailableException {
    List<IntensityPoint> out = new ArrayList<>();
    IntensityPoint point = at(from);
    int i = indexAt(from);
    out.add(point);
    Instant covered = point.end();
    while (covered.isBefore(to)) {
      i++;
      if (i >= points.size() || !points.get(i).start().equals(covered)) {
        throw new IntensityUnavailableException(
            "the series for " + zone + " (" + source + ") has no value at " + covered);
      }
      out.add(points.get(i));
      covered = points.get(i).end();
    }
    return out;
  }

  /** The period length most rows use: the smallest gap between consecutive starts. */
  static Duration step(List<Instant> times) {
    Duration step = null;
    for (int i = 1; i < times.size(); i++) {
      Duration d = Duration.between(times.get(i - 1), times.get(i));
      if (!d.isNegative() && !d.isZero() && (step == null || d.compareTo(step) < 0)) {
        step = d;
      }
    }
    return step == null ? Duration.ofHours(1) : step;
  }
}
