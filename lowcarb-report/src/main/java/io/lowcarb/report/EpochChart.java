package io.lowcarb.report;

import java.util.List;

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
        + "in Wh as metered (methods per run in the energy table). "
        + Chart.uncertaintyNote(runs, "Bars on each epoch's energy");
  }

  @Override
  public Object data() {
    return Chart.twoAxes(runs, "accuracy", ACCURACY, false, "energy", EPOCH_ENERGY, 1000, true);
  }

  @Override
  public int points() {
    return Chart.size(runs, ACCURACY, EPOCH_ENERGY);
  }

  @Override
  public int errorBars() {
    return Chart.errors(runs, EPOCH_ENERGY);
  }
}
