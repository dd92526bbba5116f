package io.lowcarb.train;

import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * How to train, and when to stop.
 *
 * @param epochs the most epochs to run
 * @param batchSize examples per step
 * @param learningRate Adam's learning rate at the start
 * @param learningRateDecay the factor the learning rate is multiplied by per epoch (1: constant),
 *     applied smoothly step by step
 * @param seed seeds the split, the initial weights and the batch order
 * @param targetAccuracy stop once validation accuracy reaches this (0..1)
 * @param maxEnergyKwh stop once the run has used this much energy, in kWh, or as soon as the
 *     predicted total exceeds it, unless {@code force}
 * @param maxCo2Grams the same for emissions, in gCO2e
 * @param patience stop after this many epochs without a better validation accuracy; 0 turns it off
 * @param force go on even when the prediction exceeds a budget
 * @param out where checkpoints go
 * @param resume continue the training in {@code out} from its last checkpoint and ledger
 * @param initFrom start from this checkpoint of another training (transfer learning)
 * @param freeze layer indices (0-based, in the spec) not to train
 * @param validateOnTest decide on the test part instead of a validation part (time-to-accuracy
 *     benchmarks; the reported test accuracy is then not held out)
 * @param budgetOn which figure of the prediction the budgets are held against: the interval's upper
 *     end, or the point
 */
public record TrainSettings(
    int epochs,
    int batchSize,
    float learningRate,
    float learningRateDecay,
    long seed,
    OptionalDouble targetAccuracy,
    OptionalDouble maxEnergyKwh,
    OptionalDouble maxCo2Grams,
    int patience,
    boolean force,
    Path out,
    boolean resume,
    java.util.Optional<Path> initFrom,
    java.util.Set<Integer> freeze,
    boolean validateOnTest,
    BudgetBasis budgetOn) {

  /** Settings whose budgets act on the prediction interval's upper end. */
  public TrainSettings(int epochs, int batchSize, float learningRate, float learningRateDecay, long seed,
      OptionalDouble targetAccuracy, OptionalDouble maxEnergyKwh, OptionalDouble maxCo2Grams, int patience,
      boolean force, Path out, boolean resume, java.util.Optional<Path> initFrom, java.util.Set<Integer> freeze,
      boolean validateOnTest) {
    this(epochs, batchSize, learningRate, learningRateDecay, seed, targetAccuracy, maxEnergyKwh, maxCo2Grams, patience,
        force, out, resume, initFrom, freeze, validateOnTest, BudgetBasis.UPPER);
  }

  public TrainSettings {
    if (epochs <= 0) {
      throw new IllegalArgumentException("epochs must be positive, got " + epochs);
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException("the batch size must be positive, got " + batchSize);
    }
    freeze = java.util.Set.copyOf(freeze);
    java.util.Objects.requireNonNull(budgetOn, "budgetOn");
    if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
      throw new IllegalArgumentException("the learning-rate decay must be in (0, 1], got " + learningRateDecay);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("the learning rate must be positive, got " + learningRate);
    }
  }

  /** The same settings with budgets held against {@code basis}. */
  public TrainSettings withBudgetOn(BudgetBasis basis) {
    return new TrainSettings(epochs, batchSize, learningRate, learningRateDecay, seed, targetAccuracy, maxEnergyKwh,
        maxCo2Grams, patience, force, out, resume, initFrom, freeze, validateOnTest, basis);
  }
}
