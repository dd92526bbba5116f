package io.lowcarb.report;

import java.util.ArrayList;
import java.util.List;

/** Which charts a set of runs makes: a run without a series simply has no chart of that kind. */
public final class Charts {
  /** Power charts drawn at most, one per run, in the order given. */
  static final int MAX_POWER_CHARTS = 6;

  private Charts() {}

  /** The charts of {@code runs}: power per run, cumulative, accuracy against CO2e, intensity per scheduled run. */
  public static List<Chart> of(List<ReportRun> runs) {
    List<Chart> charts = new ArrayList<>();
    runs.stream().filter(r -> !r.power().isEmpty()).limit(MAX_POWER_CHARTS).map(PowerChart::new).forEach(charts::add);
    List<ReportRun> cumulative = runs.stream().filter(CumulativeChart::draws).toList();
    if (!cumulative.isEmpty()) {
      charts.add(new CumulativeChart(cumulative));
    }
    List<ReportRun> tradeoff = runs.stream().filter(TradeoffChart::draws).toList();
    if (!tradeoff.isEmpty()) {
      charts.add(new TradeoffChart(tradeoff));
    }
    runs.stream().filter(IntensityChart::draws).map(IntensityChart::new).forEach(charts::add);
    return List.copyOf(charts);
  }
}
