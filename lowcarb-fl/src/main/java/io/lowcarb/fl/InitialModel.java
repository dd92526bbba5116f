package io.lowcarb.fl;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.lowcarb.compress.BlockData;
import io.lowcarb.compress.Checkpoint;
import io.lowcarb.train.data.LabeledData;
import io.lowcarb.train.model.Blocks;
import io.lowcarb.train.model.ModelSpec;

/** The global model of round 0. */
public final class InitialModel {
  private InitialModel() {}

  /**
   * A freshly initialised model of {@code spec}, with DJL's default initialisers (as {@code
   * GreenTrainer} uses them) seeded by {@code seed}, and the input standardisation (mean and standard
   * deviation of all feature values) of {@code train}.
   */
  public static Checkpoint of(ModelSpec spec, LabeledData train, long seed) {
    Engine.getInstance().setRandomSeed((int) seed);
    double[] moments = train.moments();
    try (Model model = Model.newInstance(spec.name())) {
      model.setBlock(Blocks.of(spec));
      try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()))) {
        trainer.initialize(BlockData.batchShape(train.shape(), 1));
      }
      model.setProperty("InputMean", Double.toString(moments[0]));
      model.setProperty("InputStd", Double.toString(moments[1] > 0 ? moments[1] : 1));
      return Checkpoint.of(spec, model);
    }
  }
}
