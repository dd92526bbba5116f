package io.lowcarb.cli;

import io.lowcarb.energy.Meter;
import io.lowcarb.energy.SensorDiscovery;
import io.lowcarb.train.BatchSizeTuner;
import io.lowcarb.train.TrainingProgress;
import io.lowcarb.train.data.DatasetCache;
import io.lowcarb.train.data.DatasetFormatException;
import io.lowcarb.train.data.Datasets;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.ModelSpec;
import io.lowcarb.train.model.SpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lowcarb tune batch-size}. */
@Command(name = "tune", mixinStandardHelpOptions = true, description = "Tune training settings for energy.",
    subcommands = {TuneCommand.BatchSize.class})
final class TuneCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "batch-size", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Train with each candidate batch size and pick the one that reaches the target accuracy with the least energy.")
  static final class BatchSize implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", defaultValue = "digits") String dataset;

    @Option(names = "--label", defaultValue = "label") String label;

    @Option(names = "--model", defaultValue = "mlp", paramLabel = "mlp|cnn|SPEC.json") String model;

    @Option(names = "--candidates", defaultValue = "16,32,64,128", split = ",", description = "Batch sizes to try (default 16,32,64,128).")
    List<Integer> candidates;

    @Option(names = "--target-accuracy", defaultValue = "0.95", description = "Validation accuracy to reach (default 0.95).")
    double target;

    @Option(names = "--max-epochs", defaultValue = "20", description = "Most epochs per candidate (default 20).")
    int maxEpochs;

    @Option(names = "--lr", defaultValue = "0.003") float learningRate;

    @Option(names = "--seed", defaultValue = "42") long seed;

    @Mixin IntensityOptions intensityOptions;

    @Mixin MeterOptions meterOptions;

    @Override
    public Integer call() throws IOException {
      if (candidates.isEmpty() || candidates.stream().anyMatch(c -> c == null || c <= 0)) {
        throw new UsageException("--candidates must be positive batch sizes, e.g. 16,32,64");
      }
      if (!(target > 0 && target <= 1) || maxEpochs <= 0) {
        throw new UsageException("--target-accuracy must be in (0, 1] and --max-epochs positive");
      }
      meterOptions.check();
      IntensityOptions.Choice intensity = intensityOptions.resolve(Instant.now());
      Split data;
      ModelSpec modelSpec;
      try {
        data = Datasets.load(dataset, label, 0.2, seed, DatasetCache.standard());
        modelSpec = TrainCommand.modelSpec(model, data, dataset);
      } catch (DatasetFormatException | SpecException e) {
        throw new UsageException(e.getMessage());
      }
      SensorDiscovery.Result found = SensorDiscovery.discover(meterOptions.discovery());
      PrintWriter out = spec.commandLine().getOut();
      Path work = Files.createTempDirectory("lowcarb-tune");
      List<BatchSizeTuner.Trial> trials;
      try (Meter meter = meterOptions.meter(intensity, found).build()) {
        trials = new BatchSizeTuner(meter).tune(modelSpec, data, candidates, target, maxEpochs, learningRate, seed, work,
            TrainingProgress.NONE);
      } finally {
        io.lowcarb.train.Folders.deleteTree(work); // the trials' checkpoints are scratch
      }
      var best = BatchSizeTuner.best(trials);
      out.printf(Locale.ROOT, "%-10s %-8s %-7s %-22s %-14s %-9s %s%n", "batch", "reached", "epochs", "energy", "CO2e", "seconds", "test acc");
      for (BatchSizeTuner.Trial t : trials) {
        out.printf(Locale.ROOT, "%-10d %-8s %-7d %-22s %-14s %-9.1f %.4f%s%n", t.batchSize(), t.reached() ? "yes" : "no",
            t.epochs(), Summary.energy(t.energyKwh() * 3.6e6), Summary.grams(t.co2Grams()), t.seconds(), t.accuracy(),
            best.isPresent() && best.get() == t ? "  <- least energy" : "");
      }
      if (best.isEmpty()) {
        out.printf(Locale.ROOT, "no batch size reached %.3f within %d epochs%n", target, maxEpochs);
        return 1;
      }
      BatchSizeTuner.Trial worst = trials.stream().filter(BatchSizeTuner.Trial::reached)
          .max(java.util.Comparator.comparingDouble(BatchSizeTuner.Trial::energyKwh)).orElseThrow();
      out.printf(Locale.ROOT, "best: batch size %d, %.0f %% less energy than the costliest that reached the target (%d)%n",
          best.get().batchSize(), 100 * (1 - best.get().energyKwh() / worst.energyKwh()), worst.batchSize());
      return 0;
    }
  }
}
