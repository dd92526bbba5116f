package io.lowcarb.compress.prune;

import java.nio.file.Path;

/**
 * How to prune and fine-tune.
 *
 * @param schedule the target sparsity per optimiser step; {@link GradualSchedule#oneShot} prunes at once
 * @param scope one threshold over all layers, or the same sparsity in each
 * @param epochs passes over the training data while the masks are held, at least 1
 * @param batchSize examples per optimiser step
 * @param learningRate Adam's learning rate
 * @param seed seeds the batch order
 * @param out where the pruned checkpoint goes ({@code model.json} and {@code model-000N.params})
 */
public record FineTuneSettings(
    GradualSchedule schedule, MagnitudePruning.Scope scope, int epochs, int batchSize, float learningRate, long seed,
    Path out) {
  public FineTuneSettings {
    if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
      throw new IllegalArgumentException("epochs and the batch size must be positive and the learning rate above 0, got "
          + epochs + ", " + batchSize + ", " + learningRate);
    }
  }
}
