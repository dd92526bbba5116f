package io.lowcarb.cli;

import io.lowcarb.energy.Meter;
import io.lowcarb.train.BatchSizeTuner;
import io.lowcarb.train.TrainingProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lowcarb tune batch-size}. */
@Command(name = "tune", mixinStandardHelpOptions = true, description = "Tune training settings for energy.",
    subcommands = {TuneCommand.BatchSize.class, TuneCpuCommand.class, TuneGpuPowerCommand.class})
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

    @Mixin TrialOptions options;

    @Override
    public Integer call() throws IOException {
      TrainingInput.Loaded loaded = options.load();
      PrintWriter out = spec.commandLine().getOut();
      Path work = Files.createTempDirectory("lowcarb-tune");
      List<BatchSizeTuner.Trial> trials;
      try (Meter meter = options.meter()) {
        trials = new BatchSizeTuner(meter).tune(loaded.spec(), loaded.data(), options.candidates, options.target,
            options.maxEpochs, options.input.learningRate, options.input.seed, work, TrainingProgress.NONE);
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
        out.printf(Locale.ROOT, "no batch size reached %.3f within %d epochs%n", options.target, options.maxEpochs);
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
