package io.lowcarb.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trainings epoch by epoch: accuracy (solid, left axis) and the energy of each epoch in Wh
 * (dashed, right axis), one colour per run.
 *
 * @param runs runs with an {@code accuracy} or {@code epoch_energy_kwh} series
 */
public record EpochChart(List<ReportRun> runs) implements Chart {
  /** Accuracy after each epoch, over the epoch number. */
  public static final String ACCURACY = "accuracy";
  /** The energy of each epoch, in kWh, over the epoch number. */
  public static final String EPOCH_ENERGY = "epoch_energy_kwh";

  public EpochChart {
    runs = List.copyOf(runs);
  }

  /** Whether {@code run} has a series this chart draws. */
  static boolean draws(ReportRun run) {
    return !run.get(ACCURACY).isEmpty() || !run.get(EPOCH_ENERGY).isEmpty();
  }

  @Override
  public String type() {
    return "epochs";
  }

  @Override
  public String title() {
    return "Accuracy and energy per epoch";
  }

  @Override
  public String caption() {
    return "Accuracy on the validation set after each epoch, as the training recorded it; energy of each epoch "
        + "in Wh as metered (methods per run in the energy table).";
  }

  @Override
  public Object data() {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (ReportRun r : runs) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("name", Chart.label(r));
      line.put("accuracy", Chart.pairs(r.get(ACCURACY)));
      line.put("energy", Chart.pairs(r.get(EPOCH_ENERGY), 1000));
      lines.add(line);
    }
    return Map.of("runs", lines);
  }

  @Override
  public int points() {
    return runs.stream().mapToInt(r -> r.get(ACCURACY).size() + r.get(EPOCH_ENERGY).size()).sum();
  }
}
