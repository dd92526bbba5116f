package io.lowcarb.energy.carbon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Time-resolved carbon accounting: energy used over an interval times the intensity at that time. */
public final class Emissions {
  private Emissions() {}

  /**
   * The mean intensity over {@code [from, from + length)}, each period weighted by how much of the
   * interval it covers, in gCO2e/kWh. With energy spread evenly over the interval, energy times
   * this mean is the sum over periods of each period's energy times its intensity.
   *
   * @throws IntensityUnavailableException when part of the interval is not covered
   */
  public static double meanIntensity(CarbonIntensityProvider provider, Instant from, Duration length)
      throws IntensityUnavailableException {
    if (length.isZero() || length.isNegative()) {
      return provider.at(from).gPerKwh();
    }
    Instant to = from.plus(length);
    List<IntensityPoint> points = provider.between(from, to);
    double weighted = 0;
    long total = length.toNanos();
    for (IntensityPoint p : points) {
      Instant start = p.start().isAfter(from) ? p.start() : from;
      Instant end = p.end().isBefore(to) ? p.end() : to;
      long overlap = Duration.between(start, end).toNanos();
      if (overlap > 0) {
        weighted += p.gPerKwh() * overlap;
      }
    }
    return weighted / total;
  }
}
