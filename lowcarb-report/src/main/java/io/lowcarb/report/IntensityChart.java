package io.lowcarb.report;

import io.lowcarb.track.Point;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The carbon intensity series a scheduled run was planned on (gCO2e/kWh against time), with
 * its planned window shaded.
 *
 * @param run a run with an {@code intensity_g_per_kwh} series (x in unix seconds)
 */
public record IntensityChart(ReportRun run) implements Chart {
  @Override
  public String type() {
    return "intensity";
  }

  @Override
  public String title() {
    return "Carbon intensity and the planned window: " + Chart.label(run);
  }

  @Override
  public String caption() {
    String source = run.run().parameters().getOrDefault("intensity_source",
        run.run().footprint().map(f -> f.zone() + ", " + f.intensitySource() + " (" + f.intensityKind() + ")")
            .orElse("source not recorded"));
    String window = run.window()
        .map(w -> "Shaded: the planned window, " + Figures.time(w.start()) + " to " + Figures.time(w.end()) + ".")
        .orElse("No planned window recorded.");
    return "Intensity in gCO2e/kWh from " + source + ". " + window;
  }

  @Override
  public Object data() {
    Map<String, Object> d = new LinkedHashMap<>();
    // The library's time axis counts milliseconds.
    d.put("points", run.get(ReportRun.INTENSITY).stream().map(p -> new double[] {p.x() * 1000, p.y()}).toList());
    run.window().ifPresent(w -> d.put("window", new long[] {w.start().toEpochMilli(), w.end().toEpochMilli()}));
    return d;
  }

  @Override
  public int points() {
    return run.get(ReportRun.INTENSITY).size();
  }

  /** Whether {@code run} has an intensity series. */
  static boolean draws(ReportRun run) {
    List<Point> p = run.get(ReportRun.INTENSITY);
    return !p.isEmpty();
  }
}
