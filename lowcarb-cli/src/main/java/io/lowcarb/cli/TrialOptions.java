package io.lowcarb.cli;

import io.lowcarb.energy.Meter;
import io.lowcarb.energy.SensorDiscovery;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@code lowcarb tune} commands that train to a target with each candidate setting. */
final class TrialOptions {
  @Mixin TrainingInput input;

  @Option(names = "--candidates", defaultValue = "16,32,64,128", split = ",", description = "Batch sizes to try (default 16,32,64,128).")
  List<Integer> candidates;

  @Option(names = "--target-accuracy", defaultValue = "0.95", description = "Validation accuracy to reach (default 0.95).")
  double target;

  @Option(names = "--max-epochs", defaultValue = "20", description = "Most epochs per candidate (default 20).")
  int maxEpochs;

  @Mixin IntensityOptions intensityOptions;

  @Mixin MeterOptions meterOptions;

  /** The data and model, after checking the options. */
  TrainingInput.Loaded load() throws java.io.IOException {
    if (candidates.isEmpty() || candidates.stream().anyMatch(c -> c == null || c <= 0)) {
      throw new UsageException("--candidates must be positive batch sizes, e.g. 16,32,64");
    }
    if (!(target > 0 && target <= 1) || maxEpochs <= 0) {
      throw new UsageException("--target-accuracy must be in (0, 1] and --max-epochs positive");
    }
    meterOptions.check();
    return input.load();
  }

  /** The meter the trials are measured with. */
  Meter meter() {
    IntensityOptions.Choice intensity = intensityOptions.resolve(Instant.now());
    SensorDiscovery.Result found = SensorDiscovery.discover(meterOptions.discovery());
    return meterOptions.meter(intensity, found).build();
  }
}
