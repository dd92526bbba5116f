package io.lowcarb.report;

import io.lowcarb.track.Point;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's power over time per component (cpu, gpu, ram): mean W over each sampling interval,
 * against seconds since the start.
 *
 * @param run the run, with at least one {@code power_w.*} series
 */
public record PowerChart(ReportRun run) implements Chart {
  @Override
  public String type() {
    return "power";
  }

  @Override
  public String title() {
    return "Power per component: " + Chart.label(run);
  }

  @Override
  public String caption() {
    List<String> how = new ArrayList<>();
    for (String component : run.power().keySet()) {
      String method = run.run().footprint().flatMap(f -> f.energy().stream()
              .filter(e -> e.component().equalsIgnoreCase(component))
              .findFirst())
          .map(e -> RunRow.how(e) + " " + io.lowcarb.track.BasisText.plusMinus(e.uncertaintyPct()))
          .orElse("method not recorded");
      how.add(component + ": " + method);
    }
    boolean thinned = run.power().values().stream().anyMatch(p -> p.size() > Thinning.MAX_POINTS);
    return "Mean power in W over each sampling interval"
        + (thinned ? " (averaged over longer intervals to show at most " + Thinning.MAX_POINTS + " points)" : "")
        + ". " + String.join("; ", how) + ". Bands: ± each component's uncertainty, where known.";
  }

  @Override
  public Object data() {
    List<Map<String, Object>> series = new ArrayList<>();
    shown().forEach((component, points) -> {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", component);
      s.put("points", Chart.pairs(points));
      s.put("errors", Chart.band(points, 1, uncertaintyPct(component)));
      series.add(s);
    });
    return Map.of("series", series);
  }

  @Override
  public int errorBars() {
    int n = 0;
    for (Map.Entry<String, List<Point>> e : shown().entrySet()) {
      n += uncertaintyPct(e.getKey()).isPresent() ? e.getValue().size() : 0;
    }
    return n;
  }

  /** The relative uncertainty of {@code component}'s energy, and so of its mean power, if known. */
  private java.util.OptionalDouble uncertaintyPct(String component) {
    return run.run().footprint().flatMap(f -> f.energy().stream()
            .filter(e -> e.component().equalsIgnoreCase(component))
            .findFirst())
        .map(e -> e.knownUncertaintyPct())
        .orElse(java.util.OptionalDouble.empty());
  }

  @Override
  public int points() {
    return shown().values().stream().mapToInt(List::size).sum();
  }

  private Map<String, List<Point>> shown() {
    Map<String, List<Point>> shown = new LinkedHashMap<>();
    run.power().forEach((component, points) -> shown.put(component, Thinning.meanPower(points, Thinning.MAX_POINTS)));
    return shown;
  }
}
