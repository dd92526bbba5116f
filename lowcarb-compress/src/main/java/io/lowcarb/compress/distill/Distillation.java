package io.lowcarb.compress.distill;

import static io.lowcarb.compress.BlockData.accuracy;
import static io.lowcarb.compress.BlockData.batchShape;
import static io.lowcarb.compress.BlockData.dataset;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.prune.CheckpointFiles;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.Measurement;
import io.lowcarb.energy.Meter;
import io.lowcarb.train.data.LabeledData;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.Blocks;
import io.lowcarb.train.model.LayerSpec;
import io.lowcarb.train.model.ModelSpec;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Trains a student on a teacher's softened logits and the labels ({@link DistillationLoss}). The
 * inputs are standardised with the teacher's mean and standard deviation, and the student's
 * checkpoint keeps them, so {@code OnnxExport} exports it unchanged.
 */
public final class Distillation {
  private final Meter meter;

  /** @param meter measures the distillation; its intensity and PUE turn energy into CO2e */
  public Distillation(Meter meter) {
    this.meter = meter;
  }

  /**
   * Distils the checkpoint {@code teacherParams} ({@code DIR/model-000N.params}) into a fresh model
   * of {@code student}.
   */
  public DistillResult run(Path teacherParams, ModelSpec student, Split data, DistillSettings settings)
      throws IOException {
    return run(Checkpoint.read(teacherParams), student, data, settings);
  }

  /**
   * Distils {@code teacher} into a fresh model of {@code student} on {@code data}'s training part;
   * accuracies are on its test part.
   */
  public DistillResult run(Checkpoint teacher, ModelSpec student, Split data, DistillSettings settings)
      throws IOException {
    int classes = outputs(teacher.spec());
    if (outputs(student) != classes) {
      throw new IllegalArgumentException("the student " + student.name() + " has " + outputs(student)
          + " outputs and the teacher " + teacher.spec().name() + " " + classes);
    }
    Engine.getInstance().setRandomSeed((int) settings.seed());
    LabeledData train = data.train().standardised(teacher.inputMean(), teacher.inputStd());
    LabeledData test = data.test().standardised(teacher.inputMean(), teacher.inputStd());
    long[] example = train.shape();

    try (Measurement run = meter.start("distil " + teacher.spec().name() + " into " + student.name());
        Model teacherModel = Model.newInstance(teacher.spec().name());
        Model model = Model.newInstance(student.name());
        NDManager manager = NDManager.newBaseManager()) {
      CheckpointFiles.load(teacher, example, teacherModel);
      Block teacherBlock = teacherModel.getBlock();
      ParameterStore teacherStore = new ParameterStore(manager, false);
      model.setBlock(Blocks.of(student));
      // The loss is computed by hand below; the configured one is never evaluated.
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(settings.learningRate())).build());
      long steps = 0;
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(batchShape(example, 1));
        ArrayDataset batches = dataset(manager, train, settings.batchSize());
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
          for (Batch batch : trainer.iterateDataset(batches)) {
            // With alpha 0 the soft term is not computed, so the teacher's forward pass is skipped.
            NDArray soft = settings.alpha() == 0 ? null
                : teacherBlock.forward(teacherStore, batch.getData(), false).singletonOrThrow().stopGradient();
            try (GradientCollector collector = trainer.newGradientCollector()) {
              NDArray logits = trainer.forward(batch.getData()).singletonOrThrow();
              NDArray teacherLogits = soft == null ? logits.stopGradient() : soft;
              collector.backward(DistillationLoss.of(logits, teacherLogits, batch.getLabels().singletonOrThrow(),
                  settings.temperature(), settings.alpha()));
            }
            trainer.step();
            batch.close();
            steps++;
          }
        }
        Checkpoint trained = Checkpoint.of(student, model);
        Checkpoint distilled = new Checkpoint(student, teacher.inputMean(), teacher.inputStd(), trained.weights());
        Path file = CheckpointFiles.write(distilled, example, settings.out(), settings.epochs());
        double studentAccuracy = accuracy(model.getBlock(), manager, test);
        double teacherAccuracy = accuracy(teacherBlock, manager, test);
        EnergyReport energy = run.stop();
        return new DistillResult(file, studentAccuracy, teacherAccuracy, distilled.params(), teacher.params(), steps,
            energy);
      } catch (TranslateException e) {
        throw new IOException("distillation failed: " + e.getMessage(), e);
      }
    }
  }

  /** The units of the last dense layer, the number of logits; -1 where there is none. */
  private static int outputs(ModelSpec spec) {
    int units = -1;
    for (LayerSpec layer : spec.layers()) {
      if (layer instanceof LayerSpec.Dense dense) {
        units = dense.units();
      }
    }
    return units;
  }
}
