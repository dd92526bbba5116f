package io.lowcarb.energy.carbon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A time series of intensity periods, in time order, as read from a file. Periods may differ in
 * length; where one ends before the next starts, the series has a gap and no value.
 */
public final class IntensitySeries implements CarbonIntensityProvider {
  private final String zone;
  private final String source;
  private final List<IntensityPoint> points;
  private final List<String> notes;
  private final Instant[] starts;

  /**
   * A stretch of time inside the series without a value.
   *
   * @param start the end of the period before it
   * @param end the start of the period after it
   */
  public record Gap(Instant start, Instant end) {
    /** Its length. */
    public Duration duration() {
      return Duration.between(start, end);
    }
  }

  /**
   * @param zone the zone the series describes
   * @param source the file or service it came from
   * @param points periods in strictly increasing start order, not overlapping
   */
  public IntensitySeries(String zone, String source, List<IntensityPoint> points) {
    this(zone, source, points, List.of());
  }

  /**
   * @param zone the zone the series describes
   * @param source the file or service it came from
   * @param points periods in strictly increasing start order, not overlapping
   * @param notes what reading it noted (rows sorted, duplicates dropped...), one line each
   */
  public IntensitySeries(String zone, String source, List<IntensityPoint> points, List<String> notes) {
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
    this.notes = List.copyOf(notes);
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

  /** What reading the series noted, one line each: rows sorted, duplicate times, forecasts used for missing values. */
  public List<String> notes() {
    return notes;
  }

  /** The stretches between periods that no period covers, in time order. */
  public List<Gap> gaps() {
    List<Gap> gaps = new ArrayList<>();
    for (int i = 1; i < points.size(); i++) {
      Instant end = points.get(i - 1).end();
      if (end.isBefore(points.get(i).start())) {
        gaps.add(new Gap(end, points.get(i).start()));
      }
    }
    return gaps;
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
}
