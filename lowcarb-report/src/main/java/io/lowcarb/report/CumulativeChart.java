package io.lowcarb.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cumulative energy (kWh) and emissions (gCO2e) against seconds since the start, one line of
 * each per run.
 *
 * @param runs runs with an {@code energy_kwh} or {@code emissions_kg} series
 */
public record CumulativeChart(List<ReportRun> runs) implements Chart {
  public CumulativeChart {
    runs = List.copyOf(runs);
  }

  /** Whether {@code run} has a series this chart draws. */
  static boolean draws(ReportRun run) {
    return !run.get(ReportRun.ENERGY).isEmpty() || !run.get(ReportRun.EMISSIONS).isEmpty();
  }

  @Override
  public String type() {
    return "cumulative";
  }

  @Override
  public String title() {
    return "Cumulative energy and CO2e";
  }

  @Override
  public String caption() {
    // Runs that share an intensity are named once, by the first 12 characters of their ids: "152 g/kWh ES, ... : id1, id2".
    Map<String, List<String>> byIntensity = new LinkedHashMap<>();
    for (ReportRun r : runs) {
      String how = r.run().footprint().map(RunRow::intensity).orElse("footprint not recorded");
      byIntensity.computeIfAbsent(how, k -> new ArrayList<>()).add(r.run().shortId());
    }
    List<String> how = new ArrayList<>();
    byIntensity.forEach((intensity, ids) -> how.add(intensity + ": " + String.join(", ", ids)));
    return "Energy as metered; CO2e = energy x PUE x carbon intensity, with each run's intensity. "
        + String.join("; ", how) + ". " + Chart.uncertaintyNote(runs, "Bands");
  }

  @Override
  public Object data() {
    return Chart.twoAxes(runs, "energy", ReportRun.ENERGY, true, "emissions", ReportRun.EMISSIONS, 1000, true);
  }

  @Override
  public int points() {
    return Chart.size(runs, ReportRun.ENERGY, ReportRun.EMISSIONS);
  }

  @Override
  public int errorBars() {
    return Chart.errors(runs, ReportRun.ENERGY, ReportRun.EMISSIONS);
  }
}
