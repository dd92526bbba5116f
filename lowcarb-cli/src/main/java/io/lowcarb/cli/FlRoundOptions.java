package io.lowcarb.cli;

import io.lowcarb.fl.aggregate.Strategy;
import io.lowcarb.fl.select.Selection;
import io.lowcarb.train.data.DatasetCache;
import io.lowcarb.train.data.DatasetFormatException;
import io.lowcarb.train.data.Datasets;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.LayerSpec;
import io.lowcarb.train.model.ModelSpec;
import io.lowcarb.train.model.SpecException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import picocli.CommandLine.Option;

/** What a federated round does, the same for {@code fl simulate} and {@code fl server}. */
final class FlRoundOptions {
  @Option(names = "--model", defaultValue = "mlp", paramLabel = "mlp|mlp:UNITS|2nn|cnn|SPEC.json",
      description = "The model: mlp (128 hidden units), mlp:UNITS, 2nn (two layers of 200, McMahan et al.), cnn, or a spec file.")
  String model;

  @Option(names = "--local-epochs", defaultValue = "1", paramLabel = "E",
      description = "Passes over its data each client makes a round (default 1).")
  int localEpochs;

  @Option(names = "--batch-size", defaultValue = "10", paramLabel = "B",
      description = "Examples per local SGD step (default 10); larger than a client's data: one full-batch step (FedSGD).")
  int batchSize;

  @Option(names = "--lr", defaultValue = "0.05", description = "Local SGD's learning rate (default 0.05).")
  float learningRate;

  @Option(names = "--strategy", defaultValue = "fedavg", paramLabel = "fedavg|fedprox:MU|median|trimmed-mean:BETA",
      description = "How the server aggregates the updates (default fedavg).")
  String strategy;

  @Option(names = "--select", defaultValue = "random", paramLabel = "random|greenest",
      description = "How each round's clients are chosen: at random, or those on the cleanest grids now (default random).")
  String select;

  /** The local settings, checked: a usage error names the first that is not positive. */
  void check() {
    if (localEpochs < 1 || batchSize < 1 || !(learningRate > 0)) {
      throw new UsageException("--local-epochs, --batch-size and --lr must be positive");
    }
  }

  Strategy strategy() {
    try {
      return Strategy.parse(strategy);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  Selection selection() {
    try {
      return Selection.parse(select);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** The data and the model {@code --model} names; data or a spec that cannot be read is a usage error. */
  TrainingInput.Loaded load(String dataset, double testFraction, long seed) throws IOException {
    try {
      Split data = Datasets.load(dataset, "label", testFraction, seed, DatasetCache.standard());
      return new TrainingInput.Loaded(data, modelSpec(model, data, dataset));
    } catch (DatasetFormatException | SpecException | IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    } catch (NoSuchFileException e) {
      throw new UsageException("no such file: " + e.getFile());
    }
  }

  /** {@code 2nn} (McMahan et al.'s MNIST model), or what {@code lowcarb train --model} takes. */
  static ModelSpec modelSpec(String model, Split data, String dataset) throws IOException, SpecException {
    if (model.equals("2nn")) {
      return new ModelSpec("2nn", List.of(new LayerSpec.Flatten(), new LayerSpec.Dense(200), new LayerSpec.Relu(),
          new LayerSpec.Dense(200), new LayerSpec.Relu(), new LayerSpec.Dense(data.train().classes())));
    }
    return TrainCommand.modelSpec(model, data, dataset);
  }
}
