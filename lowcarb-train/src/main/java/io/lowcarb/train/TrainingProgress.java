package io.lowcarb.train;

/** What a training reports while it runs; the CLI draws a progress bar from it. */
public interface TrainingProgress {
  /** A step finished: {@code done} of {@code total} batches of {@code epoch}. */
  default void batch(int epoch, int done, int total) {}

  /** An epoch finished. */
  default void epoch(EpochResult result) {}

  /** After epoch 1: the prediction for the whole run, in kWh and gCO2e. */
  default void predicted(double energyKwh, double co2Grams, int epochs) {}

  /** Transfer learning: what the checkpoint gave. */
  default void warmStart(WarmStart.Result reused) {}

  /** Reports nothing. */
  TrainingProgress NONE = new TrainingProgress() {};
}
