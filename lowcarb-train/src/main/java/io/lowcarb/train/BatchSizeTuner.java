package io.lowcarb.train;

import io.lowcarb.energy.Meter;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.ModelSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Finds the batch size that reaches a target accuracy with the least energy (the knob Zeus tunes,
 * NSDI 2023): each candidate trains from the same seed until it reaches the target on the
 * validation part or runs out of epochs; the cheapest that reached it wins.
 */
public final class BatchSizeTuner {
  private final Meter meter;

  public BatchSizeTuner(Meter meter) {
    this.meter = meter;
  }

  /**
   * One candidate's trial.
   *
   * @param batchSize the candidate
   * @param reached whether it reached the target accuracy
   * @param epochs epochs run
   * @param energyKwh energy of the trial, in kWh
   * @param co2Grams emissions of the trial, in gCO2e
   * @param seconds its length
   * @param accuracy test accuracy at the end
   */
  public record Trial(int batchSize, boolean reached, int epochs, double energyKwh, double co2Grams, double seconds,
      double accuracy) {}

  /**
   * Tries every candidate.
   *
   * @param target validation accuracy to reach, 0..1
   * @param maxEpochs the most epochs per candidate
   * @param work a folder for the trials' checkpoints
   */
  public List<Trial> tune(ModelSpec spec, Split data, List<Integer> candidates, double target, int maxEpochs,
      float learningRate, long seed, Path work, TrainingProgress progress) throws IOException {
    List<Trial> trials = new ArrayList<>();
    for (int batch : candidates) {
      TrainSettings settings = new TrainSettings(maxEpochs, batch, learningRate, 1f, seed, OptionalDouble.of(target),
          OptionalDouble.empty(), OptionalDouble.empty(), 0, false, work.resolve("batch-" + batch), false,
          java.util.Optional.empty(), java.util.Set.of(), false);
      TrainingResult r = new GreenTrainer(meter).train(spec, data, settings, progress);
      trials.add(new Trial(batch, r.stoppedBecause().equals("target-accuracy"), r.epochs().size(), r.totalKwh(),
          r.totalGrams(), r.report().seconds(), r.accuracy()));
    }
    return trials;
  }

  /** The trial that reached the target with the least energy, if any did. */
  public static Optional<Trial> best(List<Trial> trials) {
    return trials.stream().filter(Trial::reached).min(Comparator.comparingDouble(Trial::energyKwh));
  }
}
