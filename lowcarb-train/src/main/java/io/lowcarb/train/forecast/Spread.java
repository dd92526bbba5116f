package io.lowcarb.train.forecast;

/** Prediction intervals from a handful of observations (Student's t, 95 %). */
final class Spread {
  /** t quantiles at 0.975 for 1 to 30 degrees of freedom. */
  private static final double[] T975 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

  private Spread() {}

  /** Student's t quantile at 0.975 for {@code df} degrees of freedom (beyond 30, a Cornish-Fisher step from 1.96). */
  static double t975(int df) {
    if (df < 1) {
      throw new IllegalArgumentException("degrees of freedom must be positive, got " + df);
    }
    return df <= T975.length ? T975[df - 1] : 1.959964 + 2.372 / df;
  }

  /**
   * The 95 % prediction interval's half-width, relative to the mean, for the mean of {@code future}
   * new draws like {@code samples}: t x (sd / mean) x sqrt(1/n + 1/future). NaN with fewer than two
   * samples (no spread seen yet).
   */
  static double relativeHalfWidth(double[] samples, double future) {
    return relativeHalfWidth(samples, future, 1);
  }

  /**
   * As {@link #relativeHalfWidth(double[], double)}, with the variance of both means multiplied by
   * {@code inflation} (see {@link #inflation}).
   */
  static double relativeHalfWidth(double[] samples, double future, double inflation) {
    int n = samples.length;
    if (n < 2) {
      return Double.NaN;
    }
    double mean = 0;
    for (double s : samples) {
      mean += s / n;
    }
    double squares = 0;
    for (double s : samples) {
      squares += (s - mean) * (s - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    if (!(mean > 0)) {
      return sd == 0 ? 0 : 1; // nothing measured, or a meter going backwards: no relative spread to speak of
    }
    return t975(n - 1) * sd / mean * Math.sqrt(inflation * (1.0 / n + 1.0 / Math.max(1, future)));
  }

  /**
   * How much more a mean of consecutive draws varies than one of independent draws, from their
   * lag-1 autocorrelation r pooled over the runs of draws: (1 + r) / (1 - r), the inverse of the
   * effective share of independent draws for a first-order autoregressive process. Draws that drift
   * together (a machine whose load changes slowly) say less about the future than their count
   * suggests. r is held in [0, 0.9]: a negative estimate from a few draws is taken as none.
   */
  static double inflation(java.util.List<double[]> runs) {
    double sum = 0;
    int n = 0;
    for (double[] run : runs) {
      for (double x : run) {
        sum += x;
        n++;
      }
    }
    if (n < 3) {
      return 1;
    }
    double mean = sum / n;
    double lagged = 0;
    double squares = 0;
    for (double[] run : runs) {
      for (int i = 0; i < run.length; i++) {
        squares += (run[i] - mean) * (run[i] - mean);
        if (i + 1 < run.length) {
          lagged += (run[i] - mean) * (run[i + 1] - mean);
        }
      }
    }
    double r = squares > 0 ? Math.clamp(lagged / squares, 0.0, 0.9) : 0;
    return (1 + r) / (1 - r);
  }
}
