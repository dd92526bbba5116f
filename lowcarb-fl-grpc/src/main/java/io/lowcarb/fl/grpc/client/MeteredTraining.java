package io.lowcarb.fl.grpc.client;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.Measurement;
import io.lowcarb.energy.Meter;
import io.lowcarb.energy.carbon.IntensityUnavailableException;
import io.lowcarb.fl.FlatWeights;
import io.lowcarb.fl.InitialModel;
import io.lowcarb.fl.grpc.proto.Grid;
import io.lowcarb.fl.grpc.proto.JoinReply;
import io.lowcarb.fl.grpc.proto.Train;
import io.lowcarb.fl.train.LocalResult;
import io.lowcarb.fl.train.LocalSettings;
import io.lowcarb.fl.train.LocalTrainer;
import io.lowcarb.train.data.LabeledData;
import io.lowcarb.train.model.ModelSpec;
import io.lowcarb.train.model.SpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Local training on DJL, each round measured by the client's {@link Meter}: the energy reported
 * to the server is what the meter obtained for that training, with how (its sensors' methods, or
 * the model it fell back to) and its uncertainty.
 */
public final class MeteredTraining implements LocalWork, AutoCloseable {
  private final LabeledData local;
  private final String dataset;
  private final long seed;
  private final DataPart part;
  private final Meter meter;
  private LocalTrainer trainer;
  private String modelSpec;
  private double lastGPerKwh;

  /**
   * @param local the client's part of the training data, raw
   * @param dataset the dataset's name
   * @param seed the seed the data was split with, which must be the server's
   */
  public MeteredTraining(LabeledData local, String dataset, long seed, DataPart part, Meter meter) {
    this.local = local;
    this.dataset = dataset;
    this.seed = seed;
    this.part = part;
    this.meter = meter;
  }

  @Override
  public int examples() {
    return local.size();
  }

  @Override
  public String dataset() {
    return dataset;
  }

  @Override
  public Grid grid() {
    try {
      lastGPerKwh = meter.intensity().at(Instant.now()).gPerKwh();
    } catch (IntensityUnavailableException e) {
      // keep the last figure: a gap in a series should not stop training
    }
    return Grid.newBuilder().setZone(meter.intensity().zone()).setGPerKwh(lastGPerKwh).build();
  }

  @Override
  public void prepare(JoinReply model) {
    if (model.getSeed() != seed) {
      throw new IllegalArgumentException("the server splits " + model.getDataset() + " with seed " + model.getSeed()
          + ", this client with " + seed + ": give --seed " + model.getSeed());
    }
    if (!Path.of(model.getDataset()).getFileName().equals(Path.of(dataset).getFileName())) {
      throw new IllegalArgumentException("the server trains on " + model.getDataset() + ", this client loaded " + dataset);
    }
    if (model.getModelSpec().equals(modelSpec)) {
      return; // joined again: the same model
    }
    Checkpoint initial = InitialModel.of(spec(model.getModelSpec()), local, seed);
    Checkpoint template = new Checkpoint(initial.spec(), model.getInputMean(), model.getInputStd(), initial.weights());
    int length = FlatWeights.flatten(template).length;
    if (length != model.getParameters()) {
      throw new IllegalArgumentException("the server's model has " + model.getParameters() + " parameters, "
          + length + " for this client's data: is it the same dataset?");
    }
    close();
    trainer = new LocalTrainer(template, local.shape());
    modelSpec = model.getModelSpec();
  }

  private static ModelSpec spec(String json) {
    try {
      Path file = Files.createTempFile("lowcarb-fl-model", ".json");
      try {
        Files.writeString(file, json);
        return ModelSpec.read(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SpecException e) {
      throw new IllegalArgumentException("the server's model cannot be read: " + e.getMessage());
    }
  }

  @Override
  public Contribution train(Train task, float[] global) {
    LocalSettings settings = new LocalSettings(task.getLocalEpochs(), task.getBatchSize(), task.getLearningRate(),
        task.getProximalMu(), task.getSeed() * 31 + part.index());
    LocalResult result;
    EnergyReport report;
    try (Measurement m = meter.start("fl round " + task.getRound() + ", part " + part)) {
      result = trainer.train(global, local, settings);
      report = m.stop();
    }
    return new Contribution(result.weights(), result.examples(), result.meanLoss(), report.joules(),
        EnergyBasis.of(report), report.pue());
  }

  @Override
  public void close() {
    if (trainer != null) {
      trainer.close();
      trainer = null;
    }
  }
}
