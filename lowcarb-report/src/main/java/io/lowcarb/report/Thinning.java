package io.lowcarb.report;

import io.lowcarb.track.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * Long series made short enough for a page (a two-hour run sampled every second has 7,200
 * points a component) without changing what they say: power is averaged over merged intervals,
 * so the energy under the curve stays the same; a cumulative series keeps a subset of its own
 * points, always the last.
 */
final class Thinning {
  /** Points a series keeps at most on a page. */
  static final int MAX_POINTS = 1000;

  private Thinning() {}

  /**
   * A power series averaged in consecutive groups: each point becomes the time-weighted mean of
   * its group, at the group's last x.
   *
   * @param power W, each y the mean over the interval ending at its x (the first from x = 0)
   * @param max the most points to keep (> 0)
   */
  static List<Point> meanPower(List<Point> power, int max) {
    if (power.size() <= max) {
      return power;
    }
    int group = groupSize(power.size(), max);
    List<Point> out = new ArrayList<>(max);
    double previousX = Math.min(0, power.getFirst().x());
    for (int from = 0; from < power.size(); from += group) {
      int to = Math.min(power.size(), from + group);
      double joules = 0;
      double seconds = 0;
      double plain = 0;
      double x = previousX;
      for (int i = from; i < to; i++) {
        Point p = power.get(i);
        joules += p.y() * (p.x() - x);
        seconds += p.x() - x;
        plain += p.y();
        x = p.x();
      }
      // Points at the same x (no interval) are averaged plainly.
      out.add(new Point(x, seconds > 0 ? joules / seconds : plain / (to - from)));
      previousX = x;
    }
    return out;
  }

  /**
   * Every n-th point of a cumulative series, and its last point.
   *
   * @param levels a series whose every point stands on its own (cumulative energy, emissions)
   * @param max the most points to keep (> 1)
   */
  static List<Point> sample(List<Point> levels, int max) {
    if (levels.size() <= max) {
      return levels;
    }
    int step = groupSize(levels.size() - 1, max - 1);
    List<Point> out = new ArrayList<>(max);
    for (int i = 0; i < levels.size() - 1; i += step) {
      out.add(levels.get(i));
    }
    out.add(levels.getLast());
    return out;
  }

  private static int groupSize(int n, int max) {
    return (n + max - 1) / max;
  }
}
