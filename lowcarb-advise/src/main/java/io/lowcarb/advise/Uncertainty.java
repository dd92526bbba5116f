package io.lowcarb.advise;

/**
 * The relative uncertainties an estimate combines, in percent, added in quadrature. The figures
 * are judgements, stated so they can be argued with; docs/advise.md gives the reasons. The run's
 * own energy brings its own uncertainty ({@link MeasuredRun#basis()}), never a fixed figure.
 */
final class Uncertainty {
  /** Time on hardware of the same kind (CPU to CPU, GPU to GPU), scaled by peak throughput. */
  static final double SAME_KIND_TIME_PCT = 25;
  /** Time on hardware of another kind (CPU to GPU), where the share of peak reached differs most. */
  static final double OTHER_KIND_TIME_PCT = 50;
  /** Added per factor of two the time is extrapolated by. */
  static final double PER_DOUBLING_PCT = 10;
  /** Time from a FLOP count and an assumed share of peak. */
  static final double FLOPS_TIME_PCT = 50;
  /** Power from TDP at full load (Teads curve for CPUs, TDP x use for accelerators). */
  static final double POWER_PCT = 30;
  /** An annual average intensity standing for the hours the job runs in. */
  static final double INTENSITY_PCT = 20;

  private Uncertainty() {}

  /** Quadrature sum of relative uncertainties, in percent. */
  static double combine(double... pcts) {
    double sum = 0;
    for (double p : pcts) {
      sum += p * p;
    }
    return Math.sqrt(sum);
  }

  /** Time uncertainty of a scaled estimate, in percent. */
  static double scaledTime(boolean sameKind, double speedup) {
    double base = sameKind ? SAME_KIND_TIME_PCT : OTHER_KIND_TIME_PCT;
    return base + PER_DOUBLING_PCT * Math.abs(Math.log(speedup) / Math.log(2));
  }
}
