package io.lowcarb.energy.carbon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One intensity for all times: a zone's annual average, or a figure the user gave. */
public final class FixedIntensity implements CarbonIntensityProvider {
  private static final Duration FOREVER = Duration.ofDays(365L * 1000);

  private final String zone;
  private final double gPerKwh;
  private final IntensityKind kind;
  private final String source;
  private final Instant fetchedAt;

  /**
   * @param zone the zone it stands for
   * @param gPerKwh intensity in gCO2e/kWh, finite and >= 0
   * @param kind {@link IntensityKind#ANNUAL_AVERAGE} or {@link IntensityKind#OVERRIDE}
   * @param source the citation
   */
  public FixedIntensity(String zone, double gPerKwh, IntensityKind kind, String source) {
    if (!(gPerKwh >= 0) || Double.isInfinite(gPerKwh)) {
      throw new IllegalArgumentException("carbon intensity must be finite and >= 0 gCO2e/kWh, got " + gPerKwh);
    }
    this.zone = zone;
    this.gPerKwh = gPerKwh;
    this.kind = kind;
    this.source = source;
    this.fetchedAt = Instant.now();
  }

  /** A figure the user gave, in gCO2e/kWh. */
  public static FixedIntensity override(String zone, double gPerKwh) {
    return new FixedIntensity(zone, gPerKwh, IntensityKind.OVERRIDE, "--intensity");
  }

  @Override
  public String zone() {
    return zone;
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public IntensityPoint at(Instant time) {
    return new IntensityPoint(Instant.EPOCH, FOREVER, gPerKwh, kind, source, fetchedAt);
  }

  @Override
  public List<IntensityPoint> between(Instant from, Instant to) {
    return List.of(at(from));
  }
}
