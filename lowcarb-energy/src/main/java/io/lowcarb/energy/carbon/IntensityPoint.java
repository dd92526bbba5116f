package io.lowcarb.energy.carbon;

import java.time.Duration;
import java.time.Instant;

/**
 * A carbon intensity valid over a period.
 *
 * @param start the start of the period
 * @param duration the period's length
 * @param gPerKwh the intensity, in gCO2e/kWh
 * @param kind what the figure stands for
 * @param source where it comes from (a table row's citation, a file, an API)
 * @param fetchedAt when lowcarb obtained it
 */
public record IntensityPoint(
    Instant start, Duration duration, double gPerKwh, IntensityKind kind, String source, Instant fetchedAt) {

  public IntensityPoint {
    if (!(gPerKwh >= 0) || Double.isInfinite(gPerKwh)) {
      throw new IllegalArgumentException("carbon intensity must be finite and >= 0 gCO2e/kWh, got " + gPerKwh);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("an intensity period must have a positive length");
    }
  }

  /** The end of the period (exclusive). */
  public Instant end() {
    return start.plus(duration);
  }

  /** Whether {@code time} falls in the period. */
  public boolean covers(Instant time) {
    return !time.isBefore(start) && time.isBefore(end());
  }
}
