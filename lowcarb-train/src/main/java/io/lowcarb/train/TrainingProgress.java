package io.lowcarb.train;

import io.lowcarb.train.forecast.Forecast;

/** What a training reports while it runs; the CLI draws a progress bar from it. */
public interface TrainingProgress {
  /** A step finished: {@code done} of {@code total} batches of {@code epoch}. */
  default void batch(int epoch, int done, int total) {}

  /** An epoch finished. */
  default void epoch(EpochResult result) {}

  /** After each epoch: the whole run's footprint as now predicted. */
  default void predicted(Forecast forecast) {}

  /** Transfer learning: what the checkpoint gave. */
  default void warmStart(WarmStart.Result reused) {}

  /** Reports nothing. */
  TrainingProgress NONE = new TrainingProgress() {};
}
