package io.lowcarb.compress.quantize;

/**
 * How a model is quantized.
 *
 * @param calibrationSamples how many training examples are run through the fp32 model to observe
 *     the activations
 * @param calibration how an activation's range is chosen from what was observed
 * @param percentile the high percentile kept by {@link Calibration#PERCENTILE}, in (50, 100], e.g.
 *     99.99; the low one is {@code 100 - percentile}
 * @param maxAccuracyDrop the largest accuracy loss accepted against fp32, a fraction 0..1 (0.01 is
 *     one point); layers fall back to fp32 until the loss is within it
 * @param seed picks the calibration sample
 */
public record QuantizeSettings(int calibrationSamples, Calibration calibration, double percentile,
    double maxAccuracyDrop, long seed) {
  /** The default number of calibration examples. */
  public static final int CALIBRATION_SAMPLES = 512;

  public QuantizeSettings {
    if (calibrationSamples < 1) {
      throw new IllegalArgumentException("calibrationSamples must be at least 1, not " + calibrationSamples);
    }
    if (!(percentile > 50 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in (50, 100], not " + percentile);
    }
    if (!(maxAccuracyDrop >= 0 && maxAccuracyDrop <= 1)) {
      throw new IllegalArgumentException("maxAccuracyDrop must be a fraction in [0, 1], not " + maxAccuracyDrop);
    }
    if (calibration == null) {
      throw new IllegalArgumentException("calibration must be given");
    }
  }

  /** 512 calibration examples, min-max ranges, at most one point of accuracy lost. */
  public static QuantizeSettings defaults() {
    return new QuantizeSettings(CALIBRATION_SAMPLES, Calibration.MIN_MAX, 99.99, 0.01, 42);
  }

  /** These settings with {@code drop} as the largest accuracy loss accepted (a fraction 0..1). */
  public QuantizeSettings withMaxAccuracyDrop(double drop) {
    return new QuantizeSettings(calibrationSamples, calibration, percentile, drop, seed);
  }

  /** These settings with percentile calibration at {@code percentile} (e.g. 99.99). */
  public QuantizeSettings withPercentile(double percentile) {
    return new QuantizeSettings(calibrationSamples, Calibration.PERCENTILE, percentile, maxAccuracyDrop, seed);
  }

  /** These settings with {@code samples} calibration examples. */
  public QuantizeSettings withCalibrationSamples(int samples) {
    return new QuantizeSettings(samples, calibration, percentile, maxAccuracyDrop, seed);
  }
}
