package io.lowcarb.train.tune;

import io.lowcarb.energy.Clock;
import io.lowcarb.energy.nvml.PowerLimitRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the same few training steps at each of several GPU power limits and measures each run's
 * energy (the device's counter) and time; the limit in force before is put back afterwards, also
 * when a step fails. Zeus (NSDI 2023) finds 15-76 % of training energy this way.
 */
public final class PowerLimitSweep {
  private final GpuPowerControl gpu;
  private final Clock clock;

  public PowerLimitSweep(GpuPowerControl gpu, Clock clock) {
    this.gpu = gpu;
    this.clock = clock;
  }

  /** A few training steps: the same work every time it is called. */
  @FunctionalInterface
  public interface Steps {
    void run() throws Exception;
  }

  /** Limits from the range's top down to its bottom, {@code stepWatts} apart, in W. */
  public static List<Double> limits(PowerLimitRange range, double stepWatts) {
    if (!(stepWatts > 0)) {
      throw new IllegalArgumentException("the step between limits must be positive, got " + stepWatts + " W");
    }
    List<Double> limits = new ArrayList<>();
    double min = range.minMilliwatts() / 1000.0;
    for (double w = range.maxMilliwatts() / 1000.0; w >= min - 1e-9; w -= stepWatts) {
      limits.add(w);
    }
    return limits;
  }

  /**
   * One trial per limit, in the order given; a warm-up run of the steps comes first, unmeasured.
   *
   * @param limitsWatts the limits to try, in W, each within the device's range
   * @throws IllegalArgumentException for a limit outside the device's range
   */
  public List<LimitTrial> sweep(List<Double> limitsWatts, Steps steps) throws Exception {
    PowerLimitRange range = gpu.range();
    for (double w : limitsWatts) {
      if (!range.contains(Math.round(w * 1000))) {
        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "power limit %.0f W is outside %s's range %d-%d W",
            w, gpu.name(), range.minMilliwatts() / 1000, range.maxMilliwatts() / 1000));
      }
    }
    long before = gpu.limitMilliwatts();
    List<LimitTrial> trials = new ArrayList<>();
    try {
      steps.run();
      for (double w : limitsWatts) {
        gpu.setLimitMilliwatts(Math.round(w * 1000));
        long startMj = gpu.energyMillijoules();
        long startNs = clock.monotonicNanos();
        steps.run();
        trials.add(new LimitTrial(w, (gpu.energyMillijoules() - startMj) / 1000.0,
            (clock.monotonicNanos() - startNs) / 1e9));
      }
    } finally {
      gpu.setLimitMilliwatts(before);
    }
    return trials;
  }

  /** The trial of least cost. */
  public static LimitTrial best(List<LimitTrial> trials, EnergyTimeCost cost) {
    return trials.stream().min(Comparator.comparingDouble(t -> cost.of(t.joules(), t.seconds())))
        .orElseThrow(() -> new IllegalArgumentException("no trials"));
  }
}
