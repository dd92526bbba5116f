package io.lowcarb.energy.nvml;

/**
 * The power limits a GPU accepts.
 *
 * @param minMilliwatts the lowest settable limit, in mW
 * @param maxMilliwatts the highest settable limit, in mW
 */
public record PowerLimitRange(long minMilliwatts, long maxMilliwatts) {
  public PowerLimitRange {
    if (minMilliwatts <= 0 || maxMilliwatts < minMilliwatts) {
      throw new IllegalArgumentException(
          "power limit range must be positive and ordered, got " + minMilliwatts + ".." + maxMilliwatts + " mW");
    }
  }

  /** Whether {@code milliwatts} lies within the range. */
  public boolean contains(long milliwatts) {
    return milliwatts >= minMilliwatts && milliwatts <= maxMilliwatts;
  }
}
