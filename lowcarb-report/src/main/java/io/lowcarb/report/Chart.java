package io.lowcarb.report;

import io.lowcarb.track.Point;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chart of the report. Java decides what is drawn and says how the figures were obtained;
 * the page's script only draws {@link #data()} with the charting library.
 */
public sealed interface Chart permits PowerChart, CumulativeChart, EpochChart, TradeoffChart, IntensityChart {
  /** Which drawing the page's script uses: power, cumulative, epochs, tradeoff or intensity. */
  String type();

  /** The heading above the chart. */
  String title();

  /** How its figures were obtained: methods, sensors, intensity sources. */
  String caption();

  /** What the script draws, as JSON-ready maps, lists, strings and numbers. */
  Object data();

  /** How many data points it draws. */
  int points();

  /** {@code points} as {@code [x, y]} pairs for the charting library. */
  static List<double[]> pairs(List<Point> points) {
    return points.stream().map(p -> new double[] {p.x(), p.y()}).toList();
  }

  /** {@code points} with y scaled by {@code factor}, as pairs. */
  static List<double[]> pairs(List<Point> points, double factor) {
    return points.stream().map(p -> new double[] {p.x(), p.y() * factor}).toList();
  }

  /**
   * For a chart with two y axes: per run, its label, and two of its series as pairs under the
   * keys {@code left} and {@code right}, the right one's y scaled by {@code rightFactor}.
   */
  static Map<String, Object> twoAxes(
      List<ReportRun> runs, String left, String leftSeries, String right, String rightSeries, double rightFactor) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (ReportRun r : runs) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("name", label(r));
      line.put(left, pairs(shown(r, leftSeries)));
      line.put(right, pairs(shown(r, rightSeries), rightFactor));
      lines.add(line);
    }
    return Map.of("runs", lines);
  }

  /** A cumulative or per-epoch series as a page shows it: at most {@link Thinning#MAX_POINTS}. */
  private static List<Point> shown(ReportRun r, String series) {
    return Thinning.sample(r.get(series), Thinning.MAX_POINTS);
  }

  /** How many points {@code runs} show of the series named. */
  static int size(List<ReportRun> runs, String... series) {
    int n = 0;
    for (ReportRun r : runs) {
      for (String s : series) {
        n += shown(r, s).size();
      }
    }
    return n;
  }

  /** A run's label in legends: its name and id. */
  static String label(ReportRun r) {
    return r.run().name() + " (" + r.run().id() + ")";
  }
}
