package io.lowcarb.advise;

/**
 * Work described by its size: so many floating-point operations.
 *
 * @param flops the operations, in FLOP
 * @param peakFraction the share of a device's peak the job is assumed to reach (its model FLOPs
 *     utilisation), in (0, 1]
 */
public record FlopCount(double flops, double peakFraction) implements Workload {
  /** The share of peak assumed when none is given: typical of well-tuned training (PaLM reports 46 %, GPT-3 21 %). */
  public static final double DEFAULT_PEAK_FRACTION = 0.3;

  public FlopCount {
    if (!(flops > 0) || Double.isInfinite(flops)) {
      throw new IllegalArgumentException("--flops must be positive, got " + flops);
    }
    if (!(peakFraction > 0 && peakFraction <= 1)) {
      throw new IllegalArgumentException("the share of peak must be in (0, 1], got " + peakFraction);
    }
  }
}
