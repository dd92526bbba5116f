package io.lowcarb.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.lowcarb.energy.Clock;
import io.lowcarb.energy.nvml.Nvml;
import io.lowcarb.energy.nvml.NvmlException;
import io.lowcarb.energy.nvml.NvmlLibrary;
import io.lowcarb.energy.nvml.NvmlUnavailableException;
import io.lowcarb.energy.nvml.PowerLimitRange;
import io.lowcarb.train.TrainingSteps;
import io.lowcarb.train.tune.EnergyTimeCost;
import io.lowcarb.train.tune.LimitTrial;
import io.lowcarb.train.tune.NvmlPowerControl;
import io.lowcarb.train.tune.PowerLimitSweep;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lowcarb tune gpu-power}: the GPU power limit of least energy (or cost) for a few training steps. */
@Command(name = "gpu-power", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run the same training steps at each of several GPU power limits (set through NVML, which needs "
        + "root), measure the GPU's energy counter and the time, pick the least energy (or the least energy-time cost "
        + "with --weight below 1), and put the limit back.",
        "The steps run on DJL's PyTorch engine on the GPU; lowcarb bundles the CPU-only libtorch "
        + "(pytorch-native-cpu), on which the command refuses: the power limit of an idle GPU says nothing. It needs a "
        + "CUDA libtorch that DJL loads (its PYTORCH_LIBRARY_PATH and PYTORCH_FLAVOR settings)."})
final class TuneGpuPowerCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--device", defaultValue = "0", paramLabel = "N",
      description = "The GPU, by its NVML index; DJL trains on gpu(N), so CUDA's order must match "
          + "(CUDA_DEVICE_ORDER=PCI_BUS_ID) (default 0).")
  int device;

  @Option(names = "--limits", split = ",", paramLabel = "LIST", description = "Power limits to try, in W (e.g. 150,200,250).")
  List<Double> limits;

  @Option(names = "--steps", paramLabel = "K",
      description = "Instead of --limits: K limits evenly from the top of the device's range to its bottom.")
  Integer steps;

  @Option(names = "--weight", defaultValue = "1", paramLabel = "W",
      description = "Weight on energy against time, 0..1, as Zeus prices it (default 1: energy only).")
  double weight;

  @Option(names = "--batches", defaultValue = "50", paramLabel = "N", description = "Training batches per limit (default 50).")
  int batches;

  @Option(names = "--batch-size", defaultValue = "64", paramLabel = "B", description = "Examples per batch (default 64).")
  int batchSize;

  @Mixin TrainingInput input;

  @Override
  public Integer call() throws Exception {
    if (limits != null && steps != null) {
      throw new UsageException("give --limits or --steps, not both");
    }
    if (steps != null && steps < 2) {
      throw new UsageException("--steps must be at least 2, got " + steps);
    }
    if (!(weight >= 0 && weight <= 1)) {
      throw new UsageException("--weight must be between 0 and 1, got " + weight);
    }
    if (batches < 1 || batchSize < 1) {
      throw new UsageException("--batches and --batch-size must be positive");
    }
    try (Nvml nvml = open()) {
      return sweep(nvml);
    } catch (NvmlException e) {
      throw new UsageException("NVML: " + e.getMessage() + " (setting a power limit needs root)");
    }
  }

  private static Nvml open() {
    try {
      return NvmlLibrary.open(System.getenv().getOrDefault("LOWCARB_NVML_LIBRARY", NvmlLibrary.LIBRARY));
    } catch (NvmlUnavailableException e) {
      throw new UsageException("no NVIDIA GPU: NVML is not available (" + e.getMessage() + ")");
    }
  }

  private int sweep(Nvml nvml) throws Exception {
    int count = nvml.deviceCount();
    if (device < 0 || device >= count) {
      throw new UsageException("--device " + device + ": NVML sees " + count + " GPU(s), 0 to " + (count - 1));
    }
    NvmlPowerControl gpu = new NvmlPowerControl(nvml, device);
    PowerLimitRange range = gpu.range();
    String seen = String.format(Locale.ROOT, "%s (limits %d-%d W, now %d W)", gpu.name(), range.minMilliwatts() / 1000,
        range.maxMilliwatts() / 1000, gpu.limitMilliwatts() / 1000);
    int gpus = Engine.getEngine("PyTorch").getGpuCount();
    if (device >= gpus) {
      throw new UsageException("NVML sees " + seen + ", but DJL's PyTorch engine sees " + gpus + " GPU(s)"
          + (gpus == 0 ? " (a CPU-only libtorch)" : "") + ": the training steps would not run on the GPU whose limit is swept");
    }
    List<Double> tried;
    try {
      tried = limits != null ? limits
          : PowerLimitSweep.limits(range, steps != null ? (range.maxMilliwatts() - range.minMilliwatts()) / 1000.0 / (steps - 1) : 25);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    TrainingInput.Loaded loaded = input.load();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "tune: %s, %d batches of %d at each of %d limits%n", seen, batches, batchSize, tried.size());
    List<LimitTrial> trials;
    try (TrainingSteps work = new TrainingSteps(loaded.spec(), loaded.data(), batchSize, batches, input.learningRate,
        input.seed, Device.gpu(device))) {
      trials = new PowerLimitSweep(gpu, Clock.SYSTEM).sweep(tried, work::run);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    report(out, trials, gpu.limitMilliwatts());
    return 0;
  }

  private void report(PrintWriter out, List<LimitTrial> trials, long restoredMilliwatts) {
    double top = trials.stream().mapToDouble(LimitTrial::limitWatts).max().orElseThrow();
    EnergyTimeCost cost = new EnergyTimeCost(weight, top);
    LimitTrial best = PowerLimitSweep.best(trials, cost);
    LimitTrial atTop = trials.stream().filter(t -> t.limitWatts() == top).findFirst().orElseThrow();
    out.printf(Locale.ROOT, "%9s %12s %9s %8s %12s%n", "limit W", "energy J", "time s", "mean W", "cost J");
    for (LimitTrial t : trials) {
      out.printf(Locale.ROOT, "%9.0f %12.1f %9.3f %8.1f %12.1f%s%n", t.limitWatts(), t.joules(), t.seconds(),
          t.meanWatts(), cost.of(t.joules(), t.seconds()), t == best ? "  <- best" : "");
    }
    out.printf(Locale.ROOT, "best: %.0f W (%s): %.1f %% less energy and %.1f %% more time than at %.0f W%n",
        best.limitWatts(), weight == 1 ? "least energy" : "least cost at weight " + weight,
        100 * (1 - best.joules() / atTop.joules()), 100 * (best.seconds() / atTop.seconds() - 1), top);
    out.printf(Locale.ROOT, "the power limit is back at %d W%n", restoredMilliwatts / 1000);
  }
}
