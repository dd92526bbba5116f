package io.lowcarb.fl.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import io.lowcarb.compress.BlockData;
import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.prune.CheckpointFiles;
import io.lowcarb.fl.FlatWeights;
import io.lowcarb.train.data.LabeledData;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Trains clients' models on DJL (PyTorch engine), one model reused for every client: each call loads
 * the given weights, runs plain SGD (no momentum) over the local data and returns the new weights.
 * Not thread-safe.
 */
public final class LocalTrainer implements AutoCloseable {
  private final Checkpoint template;
  private final long[] exampleShape;
  private final Model model;
  private final NDManager manager;
  private final List<Parameter> parameters;
  private final int length;

  /**
   * @param template the model's spec, input standardisation and shapes (its values are not used)
   * @param exampleShape the shape of one example, e.g. {@code {1, 8, 8}}
   */
  public LocalTrainer(Checkpoint template, long[] exampleShape) {
    this.template = template;
    this.exampleShape = exampleShape.clone();
    this.model = Model.newInstance(template.spec().name());
    this.manager = NDManager.newBaseManager();
    CheckpointFiles.load(template, exampleShape, model);
    this.parameters = ordered(model);
    this.length = FlatWeights.flatten(template).length;
  }

  /** The parameters in {@link FlatWeights}' order: layer by layer, names sorted inside a layer. */
  private static List<Parameter> ordered(Model model) {
    List<Parameter> out = new ArrayList<>();
    for (var layer : model.getBlock().getChildren()) {
      layer.getValue().getParameters().stream().sorted(Comparator.comparing(p -> p.getKey()))
          .forEach(p -> out.add(p.getValue()));
    }
    return out;
  }

  /**
   * Trains from {@code global} on {@code local}.
   *
   * @param local the client's raw examples (standardised here with the template's mean and std)
   */
  public LocalResult train(float[] global, LabeledData local, LocalSettings settings) {
    Engine.getInstance().setRandomSeed((int) settings.seed());
    LabeledData data = local.standardised(template.inputMean(), template.inputStd());
    var config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
        .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(settings.learningRate())).build());
    double lossSum = 0;
    long steps = 0;
    try (NDManager round = manager.newSubManager(); Trainer trainer = model.newTrainer(config)) {
      trainer.initialize(BlockData.batchShape(exampleShape, 1));
      load(global);
      List<NDArray> anchor = settings.proximalMu() > 0 ? anchor(round) : List.of();
      var batches = BlockData.dataset(round, data, Math.min(settings.batchSize(), Math.max(1, data.size())));
      for (int epoch = 0; epoch < settings.epochs(); epoch++) {
        for (Batch batch : trainer.iterateDataset(batches)) {
          try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList predictions = trainer.forward(batch.getData(), batch.getLabels());
            NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), predictions);
            lossSum += loss.getFloat();
            collector.backward(loss);
          }
          if (!anchor.isEmpty()) {
            addProximalGradient(anchor, (float) settings.proximalMu());
          }
          trainer.step();
          batch.close();
          steps++;
        }
      }
    } catch (TranslateException | java.io.IOException e) {
      throw new IllegalStateException("local training failed: " + e.getMessage(), e);
    }
    return new LocalResult(read(), data.size(), steps == 0 ? 0 : lossSum / steps);
  }

  /** The global model's values per parameter, the centre of FedProx's proximal term. */
  private List<NDArray> anchor(NDManager round) {
    return parameters.stream().map(p -> p.getArray().duplicate()).peek(a -> a.attach(round)).toList();
  }

  /** The gradient of {@code mu/2 ||w - w_global||^2}, {@code mu (w - w_global)}, added to each parameter's. */
  private void addProximalGradient(List<NDArray> anchor, float mu) {
    for (int i = 0; i < parameters.size(); i++) {
      if (!parameters.get(i).requiresGradient()) {
        continue; // batch norm's running statistics are not trained
      }
      NDArray w = parameters.get(i).getArray();
      try (NDArray pull = w.sub(anchor.get(i)).muli(mu)) {
        w.getGradient().addi(pull);
      }
    }
  }

  /** The accuracy of the model {@code weights} on {@code test} (raw examples), a fraction. */
  public double accuracy(float[] weights, LabeledData test) {
    load(weights);
    return BlockData.accuracy(model.getBlock(), manager,
        test.standardised(template.inputMean(), template.inputStd()));
  }

  private void load(float[] values) {
    if (values.length != length) {
      throw new IllegalArgumentException(values.length + " values, the model has " + length);
    }
    int at = 0;
    for (Parameter p : parameters) {
      NDArray a = p.getArray();
      int n = Math.toIntExact(a.size());
      a.set(FloatBuffer.wrap(java.util.Arrays.copyOfRange(values, at, at + n)));
      at += n;
    }
  }

  private float[] read() {
    float[] out = new float[length];
    int at = 0;
    for (Parameter p : parameters) {
      float[] v = p.getArray().toFloatArray();
      System.arraycopy(v, 0, out, at, v.length);
      at += v.length;
    }
    return out;
  }

  @Override
  public void close() {
    manager.close();
    model.close();
  }
}
