package io.lowcarb.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accuracy against CO2e across runs, with the Pareto front marked: the runs that no other run
 * beats on both lower emissions and higher accuracy.
 *
 * @param runs runs with an accuracy and a footprint
 */
public record TradeoffChart(List<ReportRun> runs) implements Chart {
  public TradeoffChart {
    runs = List.copyOf(runs);
  }

  /** Whether {@code run} can be placed on this chart. */
  static boolean draws(ReportRun run) {
    return run.accuracy().isPresent()
        && run.run().footprint().map(f -> f.knownEmissionsKg().isPresent()).orElse(false);
  }

  /** The runs on the Pareto front, by rising CO2e. */
  public List<ReportRun> front() {
    return ParetoFront.of(runs, TradeoffChart::grams, r -> r.accuracy().orElse(Double.NaN));
  }

  private static double grams(ReportRun r) {
    return r.run().footprint().map(f -> f.emissionsKg() * 1000).orElse(Double.NaN);
  }

  @Override
  public String type() {
    return "tradeoff";
  }

  @Override
  public String title() {
    return "Accuracy against CO2e";
  }

  @Override
  public String caption() {
    return "CO2e of each run as measured (methods and intensity in the runs table); accuracy from its "
        + "final metrics. The line joins the Pareto front: " + front().size() + " of " + runs.size()
        + " runs that no other run beats on both lower CO2e and higher accuracy, by their measured figures. "
        + Chart.uncertaintyNote(runs, "Horizontal bars");
  }

  @Override
  public Object data() {
    List<ReportRun> front = front();
    Set<String> onFront = front.stream().map(r -> r.run().id()).collect(Collectors.toSet());
    List<Map<String, Object>> points = new ArrayList<>();
    for (ReportRun r : runs) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("id", r.run().id());
      p.put("name", r.run().name());
      p.put("kind", r.run().kind().label());
      p.put("grams", grams(r));
      p.put("accuracy", r.accuracy().getAsDouble());
      p.put("front", onFront.contains(r.run().id()));
      points.add(p);
    }
    List<double[]> line = front.stream().map(r -> new double[] {grams(r), r.accuracy().getAsDouble()}).toList();
    // [accuracy, low g, high g]: bars along the CO2e axis
    List<double[]> errors = runs.stream().filter(r -> r.uncertaintyPct().isPresent()).map(r -> {
      double u = r.uncertaintyPct().getAsDouble() / 100;
      return new double[] {r.accuracy().getAsDouble(), grams(r) * (1 - u), grams(r) * (1 + u)};
    }).toList();
    return Map.of("points", points, "front", line, "errors", errors);
  }

  @Override
  public int errorBars() {
    return (int) runs.stream().filter(r -> r.uncertaintyPct().isPresent()).count();
  }

  /** The runs, plus the vertices of the front's line. */
  @Override
  public int points() {
    return runs.size() + front().size();
  }
}
