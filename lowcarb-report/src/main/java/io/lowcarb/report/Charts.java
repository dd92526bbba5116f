package io.lowcarb.report;

import java.util.ArrayList;
import java.util.List;

/** Which charts a set of runs makes: a run without a series simply has no chart of that kind. */
public final class Charts {
  /** Power charts drawn at most, one per run, in the order given. */
  static final int MAX_POWER_CHARTS = 6;

  private Charts() {}

  /**
   * The charts of {@code runs}: power per run, cumulative energy and CO2e, accuracy and energy per
   * epoch, accuracy against CO2e (two runs or more), intensity per scheduled run.
   */
  public static List<Chart> of(List<ReportRun> runs) {
    List<Chart> charts = new ArrayList<>();
    runs.stream().filter(r -> !r.power().isEmpty()).limit(MAX_POWER_CHARTS).map(PowerChart::new).forEach(charts::add);
    List<ReportRun> cumulative = runs.stream().filter(CumulativeChart::draws).toList();
    if (!cumulative.isEmpty()) {
      charts.add(new CumulativeChart(cumulative));
    }
    List<ReportRun> epochs = runs.stream().filter(EpochChart::draws).toList();
    if (!epochs.isEmpty()) {
      charts.add(new EpochChart(epochs));
    }
    // One run alone makes no trade-off.
    List<ReportRun> tradeoff = runs.stream().filter(TradeoffChart::draws).toList();
    if (tradeoff.size() > 1) {
      charts.add(new TradeoffChart(tradeoff));
    }
    runs.stream().filter(IntensityChart::draws).map(IntensityChart::new).forEach(charts::add);
    return List.copyOf(charts);
  }
}
