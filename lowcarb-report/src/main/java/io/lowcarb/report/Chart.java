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

  /** How many data points it draws, its error bars and bands apart. */
  int points();

  /**
   * How many error bars, or points of a band, it draws: each figure's ± its combined relative
   * uncertainty; a figure whose uncertainty is not known has none.
   */
  default int errorBars() {
    return 0;
  }

  /** The caption's sentence on the bands or bars, naming the runs without one. */
  static String uncertaintyNote(List<ReportRun> runs, String what) {
    List<String> without = runs.stream().filter(r -> r.uncertaintyPct().isEmpty()).map(r -> r.run().shortId()).toList();
    return what + ": ± each run's combined uncertainty (energy; CO2e carries it, the intensity taken as exact)"
        + (without.isEmpty() ? "." : "; not known, so none, for " + String.join(", ", without) + ".");
  }

  /**
   * {@code points} as {@code [x, low, high]} for error bars or a band: y scaled by {@code factor},
   * low and high ± {@code pct} percent of it; none when {@code pct} is not known.
   */
  static List<double[]> band(List<Point> points, double factor, java.util.OptionalDouble pct) {
    if (pct.isEmpty()) {
      return List.of();
    }
    double u = pct.getAsDouble() / 100;
    return points.stream().map(p -> new double[] {p.x(), p.y() * factor * (1 - u), p.y() * factor * (1 + u)}).toList();
  }

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
   * keys {@code left} and {@code right}, the right one's y scaled by {@code rightFactor}; with
   * {@code leftErrors} or {@code rightErrors}, the series' [x, low, high] under {@code KEY_errors},
   * ± the run's uncertainty.
   */
  static Map<String, Object> twoAxes(
      List<ReportRun> runs, String left, String leftSeries, boolean leftErrors, String right, String rightSeries,
      double rightFactor, boolean rightErrors) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (ReportRun r : runs) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("name", label(r));
      line.put(left, pairs(shown(r, leftSeries)));
      line.put(right, pairs(shown(r, rightSeries), rightFactor));
      line.put(left + "_errors", leftErrors ? band(shown(r, leftSeries), 1, r.uncertaintyPct()) : List.of());
      line.put(right + "_errors", rightErrors ? band(shown(r, rightSeries), rightFactor, r.uncertaintyPct()) : List.of());
      lines.add(line);
    }
    return Map.of("runs", lines);
  }

  /** How many error bars or band points {@code runs} show of the series named, ± their uncertainty. */
  static int errors(List<ReportRun> runs, String... series) {
    int n = 0;
    for (ReportRun r : runs) {
      if (r.uncertaintyPct().isPresent()) {
        for (String s : series) {
          n += shown(r, s).size();
        }
      }
    }
    return n;
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

  /** A run's label in legends: its name and the first 12 characters of its id. */
  static String label(ReportRun r) {
    return r.run().name() + " (" + r.run().shortId() + ")";
  }
}
