package io.lowcarb.report;

import io.lowcarb.track.Point;
import java.util.List;

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

  /** A run's label in legends: its name and id. */
  static String label(ReportRun r) {
    return r.run().name() + " (" + r.run().id() + ")";
  }
}
