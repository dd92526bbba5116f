package io.lowcarb.cli;

import io.lowcarb.train.data.DatasetCache;
import io.lowcarb.train.data.DatasetFormatException;
import io.lowcarb.train.data.Datasets;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.ModelSpec;
import io.lowcarb.train.model.SpecException;
import picocli.CommandLine.Option;

/** The data, model and optimiser settings of {@code lowcarb tune} commands' training work. */
final class TrainingInput {
  @Option(names = "--dataset", defaultValue = "digits") String dataset;

  @Option(names = "--label", defaultValue = "label") String label;

  @Option(names = "--model", defaultValue = "mlp", paramLabel = "mlp|mlp:UNITS|cnn|SPEC.json") String model;

  @Option(names = "--lr", defaultValue = "0.003") float learningRate;

  @Option(names = "--seed", defaultValue = "42") long seed;

  /** The data and model. */
  record Loaded(Split data, ModelSpec spec) {}

  Loaded load() throws java.io.IOException {
    try {
      Split data = Datasets.load(dataset, label, 0.2, seed, DatasetCache.standard());
      return new Loaded(data, TrainCommand.modelSpec(model, data, dataset));
    } catch (DatasetFormatException | SpecException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
