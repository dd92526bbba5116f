package io.lowcarb.compress.prune;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.energy.EnergyReport;
import java.nio.file.Path;

/**
 * A pruned and fine-tuned model.
 *
 * @param checkpoint the written {@code model-000N.params}
 * @param pruned its weights, the pruned ones zero
 * @param masks the masks held at the end
 * @param denseAccuracy the accuracy of the dense model on the test part, a fraction
 * @param prunedAccuracy the accuracy right after pruning to the final sparsity, before fine-tuning
 * @param accuracy the accuracy after fine-tuning
 * @param steps the optimiser steps taken
 * @param energy what fine-tuning used, in kWh and gCO2e
 */
public record PruneResult(
    Path checkpoint, Checkpoint pruned, Masks masks, double denseAccuracy, double prunedAccuracy, double accuracy,
    long steps, EnergyReport energy) {}
