package io.lowcarb.compress.prune;

import static io.lowcarb.compress.BlockData.batchShape;
import static io.lowcarb.compress.BlockData.dataset;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import io.lowcarb.compress.BlockData;
import io.lowcarb.compress.Checkpoint;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.Measurement;
import io.lowcarb.energy.Meter;
import io.lowcarb.train.data.LabeledData;
import io.lowcarb.train.data.Split;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Prunes a checkpoint and fine-tunes it with the masks held: the masks follow the schedule (each
 * update prunes the smallest surviving weights; a pruned weight stays pruned), and after every
 * optimiser step the weights are multiplied by their masks. The result is a checkpoint in the
 * trainer's format whose pruned weights are exactly zero, so {@code OnnxExport} exports it unchanged.
 */
public final class MaskedFineTuning {
  private final Meter meter;

  /** @param meter measures the fine-tuning; its intensity and PUE turn energy into CO2e */
  public MaskedFineTuning(Meter meter) {
    this.meter = meter;
  }

  /**
   * Prunes the checkpoint {@code params} ({@code DIR/model-000N.params}) and fine-tunes it on {@code
   * data}'s training part; accuracies are on its test part.
   */
  public PruneResult run(Path params, Split data, FineTuneSettings settings) throws IOException {
    return run(Checkpoint.read(params), data, settings);
  }

  /** Prunes {@code dense} and fine-tunes it on {@code data}'s training part. */
  public PruneResult run(Checkpoint dense, Split data, FineTuneSettings settings) throws IOException {
    Engine.getInstance().setRandomSeed((int) settings.seed());
    LabeledData train = data.train().standardised(dense.inputMean(), dense.inputStd());
    LabeledData test = data.test().standardised(dense.inputMean(), dense.inputStd());
    long[] example = train.shape();
    GradualSchedule schedule = settings.schedule();
    double denseAccuracy = accuracy(dense, example, test);
    Masks oneShot = MagnitudePruning.masks(dense, schedule.finalSparsity(), settings.scope());
    double prunedAccuracy = accuracy(MagnitudePruning.apply(dense, oneShot), example, test);

    try (Measurement run = meter.start("prune " + dense.spec().name() + " to " + schedule.finalSparsity());
        Model model = Model.newInstance(dense.spec().name());
        NDManager manager = NDManager.newBaseManager()) {
      CheckpointFiles.load(dense, example, model);
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(settings.learningRate())).build());
      long step = 0;
      try (Trainer trainer = model.newTrainer(config);
          HeldMasks held = new HeldMasks(model.getBlock(), manager,
              MagnitudePruning.masks(dense, schedule.sparsityAt(0), settings.scope()))) {
        trainer.initialize(batchShape(example, 1));
        ArrayDataset batches = dataset(manager, train, settings.batchSize());
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
          for (Batch batch : trainer.iterateDataset(batches)) {
            if (step > 0 && schedule.isUpdate(step)) {
              Checkpoint now = Checkpoint.of(dense.spec(), model);
              held.update(MagnitudePruning.masks(now, schedule.sparsityAt(step), settings.scope()).and(held.masks()));
            }
            try (GradientCollector collector = trainer.newGradientCollector()) {
              NDList predictions = trainer.forward(batch.getData(), batch.getLabels());
              collector.backward(trainer.getLoss().evaluate(batch.getLabels(), predictions));
            }
            trainer.step();
            held.apply();
            batch.close();
            step++;
          }
        }
        if (held.masks().sparsity() < schedule.finalSparsity() - 0.5 / Math.max(1, held.masks().prunable())) {
          // The schedule ran past the fine-tuning: the last masks reach the final sparsity.
          held.update(MagnitudePruning.masks(Checkpoint.of(dense.spec(), model), schedule.finalSparsity(),
              settings.scope()).and(held.masks()));
        }
        Checkpoint pruned = Checkpoint.of(dense.spec(), model);
        Path file = CheckpointFiles.save(model, pruned, settings.out(), settings.epochs());
        double accuracy = BlockData.accuracy(model.getBlock(), manager, test);
        EnergyReport energy = run.stop();
        return new PruneResult(file, pruned, held.masks(), denseAccuracy, prunedAccuracy, accuracy, step, energy);
      } catch (TranslateException e) {
        throw new IOException("fine-tuning failed: " + e.getMessage(), e);
      }
    }
  }

  /** The accuracy of {@code checkpoint} on {@code test} (already standardised), a fraction. */
  static double accuracy(Checkpoint checkpoint, long[] example, LabeledData test) {
    try (Model model = Model.newInstance(checkpoint.spec().name()); NDManager manager = NDManager.newBaseManager()) {
      CheckpointFiles.load(checkpoint, example, model);
      return BlockData.accuracy(model.getBlock(), manager, test);
    }
  }
}
