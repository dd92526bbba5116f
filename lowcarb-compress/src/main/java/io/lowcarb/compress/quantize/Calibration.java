package io.lowcarb.compress.quantize;

/** How the range of an activation is chosen from the values seen on the calibration sample. */
public enum Calibration {
  /** The smallest and largest value seen: nothing clips, outliers widen the step. */
  MIN_MAX,
  /** The low and high percentiles of the values seen: the rare outliers clip, the step is finer. */
  PERCENTILE
}
