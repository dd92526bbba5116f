package io.lowcarb.train.forecast;

/**
 * A predicted figure and its interval; the unit is the caller's (kWh, gCO2e or s).
 *
 * @param point the best guess
 * @param low the interval's lower end (never below zero)
 * @param high the interval's upper end
 */
public record Estimate(double point, double low, double high) {
  public Estimate {
    if (!(low <= point && point <= high)) {
      throw new IllegalArgumentException("an interval [" + low + ", " + high + "] must hold its point " + point);
    }
  }

  /** {@code point} plus or minus {@code halfWidth}, the lower end clamped at zero. */
  public static Estimate around(double point, double halfWidth) {
    double h = Math.abs(halfWidth);
    return new Estimate(point, Math.min(point, Math.max(0, point - h)), point + h);
  }

  /** Every figure times {@code factor} (a unit conversion). */
  public Estimate times(double factor) {
    return new Estimate(point * factor, low * factor, high * factor);
  }

  /** Whether {@code value} lies within the interval. */
  public boolean contains(double value) {
    return low <= value && value <= high;
  }
}
