package io.lowcarb.cli;

import io.lowcarb.train.EpochResult;
import io.lowcarb.train.TrainingProgress;
import io.lowcarb.train.WarmStart;
import io.lowcarb.train.forecast.Forecast;
import io.lowcarb.track.Point;
import java.util.List;

/**
 * Passes a training's progress on, and records each epoch in the run store as it ends: accuracy,
 * loss and energy per epoch, and cumulative energy and CO2e and mean power over time.
 */
final class RecordedEpochs implements TrainingProgress {
  private final TrainingProgress next;
  private final Recording recording;
  private double seconds;
  private double kwh;
  private double grams;

  RecordedEpochs(TrainingProgress next, Recording recording) {
    this.next = next;
    this.recording = recording;
  }

  @Override
  public void batch(int epoch, int done, int total) {
    next.batch(epoch, done, total);
  }

  @Override
  public void epoch(EpochResult r) {
    next.epoch(r);
    seconds += r.seconds();
    kwh += r.energyKwh();
    grams += r.co2Grams();
    recording.points("accuracy", List.of(new Point(r.epoch(), r.validationAccuracy())));
    recording.points("loss", List.of(new Point(r.epoch(), r.loss())));
    recording.points("epoch_energy_kwh", List.of(new Point(r.epoch(), r.energyKwh())));
    recording.points("energy_kwh", List.of(new Point(seconds, kwh)));
    recording.points("emissions_kg", List.of(new Point(seconds, grams / 1000)));
    if (r.seconds() > 0) {
      recording.points("power_w.total", List.of(new Point(seconds, r.energyKwh() * 3.6e6 / r.seconds())));
    }
  }

  @Override
  public void predicted(Forecast f) {
    next.predicted(f);
    recording.points("predicted_energy_kwh", List.of(new Point(f.afterEpoch(), f.energyKwh().point())));
  }

  @Override
  public void warmStart(WarmStart.Result reused) {
    next.warmStart(reused);
  }
}
