package io.lowcarb.cli;

import io.lowcarb.energy.Meter;
import io.lowcarb.train.TrainingProgress;
import io.lowcarb.train.tune.CpuSettingsTuner;
import io.lowcarb.train.tune.EnergyTimeCost;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lowcarb tune cpu}: the thread count and batch size of least energy. */
@Command(name = "cpu", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Train with each thread count and batch size and pick the pair that reaches the target accuracy "
        + "with the least energy (or the least energy-time cost with --weight below 1).")
final class TuneCpuCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--threads", split = ",", paramLabel = "LIST",
      description = "Thread counts to try (default: 1, then doubling up to the CPUs available).")
  List<Integer> threads;

  @Option(names = "--weight", defaultValue = "1", paramLabel = "W",
      description = "Weight on energy against time, 0..1, as Zeus prices it (default 1: energy only).")
  double weight;

  @Mixin TrialOptions options;

  @Override
  public Integer call() throws IOException {
    int cpus = Runtime.getRuntime().availableProcessors();
    List<Integer> counts = threads != null ? threads : doubling(cpus);
    if (counts.isEmpty() || counts.stream().anyMatch(t -> t == null || t < 1)) {
      throw new UsageException("--threads must be positive counts, e.g. 1,2,4");
    }
    if (!(weight >= 0 && weight <= 1)) {
      throw new UsageException("--weight must be between 0 and 1, got " + weight);
    }
    TrainingInput.Loaded loaded = options.load();
    Path work = Files.createTempDirectory("lowcarb-tune");
    List<CpuSettingsTuner.Trial> trials;
    try (Meter meter = options.meter()) {
      trials = new CpuSettingsTuner(meter).tune(counts, loaded.spec(), loaded.data(), options.candidates, options.target,
          options.maxEpochs, options.input.learningRate, options.input.seed, work, TrainingProgress.NONE);
    } finally {
      io.lowcarb.train.Folders.deleteTree(work);
    }
    double maxWatts = trials.stream().mapToDouble(t -> t.trial().energyKwh() * 3.6e6 / t.trial().seconds()).max().orElse(1);
    Optional<CpuSettingsTuner.Trial> best = CpuSettingsTuner.best(trials, new EnergyTimeCost(weight, Math.max(maxWatts, 1e-9)));
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%-8s %-6s %-8s %-7s %-22s %-14s %-9s %s%n", "threads", "batch", "reached", "epochs", "energy", "CO2e", "seconds", "test acc");
    for (CpuSettingsTuner.Trial t : trials) {
      var b = t.trial();
      out.printf(Locale.ROOT, "%-8d %-6d %-8s %-7d %-22s %-14s %-9.2f %.4f%s%n", t.threads(), b.batchSize(),
          b.reached() ? "yes" : "no", b.epochs(), Summary.energy(b.energyKwh() * 3.6e6), Summary.grams(b.co2Grams()),
          b.seconds(), b.accuracy(), best.isPresent() && best.get() == t ? "  <- best" : "");
    }
    if (best.isEmpty()) {
      out.printf(Locale.ROOT, "no setting reached %.3f within %d epochs%n", options.target, options.maxEpochs);
      return 1;
    }
    var worst = trials.stream().filter(t -> t.trial().reached())
        .max(java.util.Comparator.comparingDouble(t -> t.trial().energyKwh())).orElseThrow();
    out.printf(Locale.ROOT, "best: %d threads, batch size %d (%s), %.0f %% less energy than the costliest that reached the target (%d threads, batch %d)%n",
        best.get().threads(), best.get().trial().batchSize(), weight == 1 ? "least energy" : "least cost at weight " + weight,
        100 * (1 - best.get().trial().energyKwh() / worst.trial().energyKwh()), worst.threads(), worst.trial().batchSize());
    return 0;
  }

  private static List<Integer> doubling(int cpus) {
    List<Integer> counts = new java.util.ArrayList<>();
    for (int t = 1; t < cpus; t *= 2) {
      counts.add(t);
    }
    counts.add(cpus);
    return counts;
  }
}
