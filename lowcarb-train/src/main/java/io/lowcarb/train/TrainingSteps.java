package io.lowcarb.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.Blocks;
import io.lowcarb.train.model.ModelSpec;
import java.io.IOException;
import java.util.Iterator;

/**
 * A fixed number of training batches on one device, run again and again: the same work at each
 * setting of a device sweep (the GPU power-limit sweep). The model keeps training from run to run;
 * what is compared is the energy and time of equal work, not accuracy.
 */
public final class TrainingSteps implements AutoCloseable {
  private final Model model;
  private final NDManager manager;
  private final Trainer trainer;
  private final ArrayDataset train;
  private final int batches;
  private Iterator<Batch> next;

  /**
   * @param spec the model
   * @param data the data; its training part is trained on, standardised as {@link GreenTrainer} does
   * @param batchSize examples per batch
   * @param batches batches per {@link #run()}
   * @param learningRate Adam's learning rate
   * @param seed the engine's random seed
   * @param device where the model and the batches live
   */
  public TrainingSteps(ModelSpec spec, Split data, int batchSize, int batches, float learningRate, long seed,
      Device device) {
    if (batchSize < 1 || batches < 1) {
      throw new IllegalArgumentException("the batch size and the batches per run must be positive, got "
          + batchSize + " and " + batches);
    }
    this.batches = batches;
    Engine.getInstance().setRandomSeed((int) seed);
    double[] moments = data.train().moments();
    model = Model.newInstance(spec.name(), device);
    manager = NDManager.newBaseManager(device);
    model.setBlock(Blocks.of(spec));
    trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build())
        .optDevices(new Device[] {device}));
    long[] shape = data.train().shape();
    long[] input = new long[shape.length + 1];
    input[0] = 1;
    System.arraycopy(shape, 0, input, 1, shape.length);
    trainer.initialize(new Shape(input));
    train = GreenTrainer.dataset(manager, data.train().standardised(moments[0], moments[1]), batchSize, true);
  }

  /** The device the steps run on. */
  public Device device() {
    return trainer.getDevices()[0];
  }

  /**
   * Trains the batches, going round the training data as often as needed, and waits for the
   * device to finish them.
   *
   * @return the mean loss over the batches
   */
  public double run() throws IOException, TranslateException {
    double lossSum = 0;
    for (int i = 0; i < batches; i++) {
      if (next == null || !next.hasNext()) {
        next = trainer.iterateDataset(train).iterator();
      }
      try (Batch batch = next.next(); GradientCollector collector = trainer.newGradientCollector()) {
        NDList predictions = trainer.forward(batch.getData(), batch.getLabels());
        NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), predictions);
        collector.backward(loss);
        lossSum += loss.getFloat(); // copies to the host: the device has done the batch's forward pass
      }
      trainer.step();
    }
    // Reading a parameter waits for the last update too.
    model.getBlock().getParameters().valueAt(0).getArray().sum().getFloat();
    return lossSum / batches;
  }

  @Override
  public void close() {
    trainer.close();
    manager.close();
    model.close();
  }
}
