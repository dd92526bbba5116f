package io.lowcarb.energy.carbon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of time-resolved accounting over any hourly series. */
class IntegrationPropertiesTest {
  static final Instant T0 = Instant.parse("2023-06-01T00:00:00Z");

  private static IntensitySeries hourly(List<Double> values) {
    List<IntensityPoint> points = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      points.add(new IntensityPoint(T0.plus(Duration.ofHours(i)), Duration.ofHours(1), values.get(i),
          IntensityKind.SERIES, "test", T0));
    }
    return new IntensitySeries("X", "test", points);
  }

  @Property
  void theMeanLiesBetweenTheValuesItCovers(
      @ForAll @Size(min = 4, max = 24) List<@DoubleRange(min = 0, max = 1000) Double> values,
      @ForAll @IntRange(min = 0, max = 3599) int startSecond,
      @ForAll @IntRange(min = 1, max = 3 * 3600) int lengthSeconds) throws Exception {
    IntensitySeries s = hourly(values);
    Instant from = T0.plusSeconds(startSecond);
    Duration length = Duration.ofSeconds(lengthSeconds);
    double mean = Emissions.meanIntensity(s, from, length);
    List<IntensityPoint> covered = s.between(from, from.plus(length));
    double min = covered.stream().mapToDouble(IntensityPoint::gPerKwh).min().orElseThrow();
    double max = covered.stream().mapToDouble(IntensityPoint::gPerKwh).max().orElseThrow();
    assertThat(mean).isBetween(min - 1e-9, max + 1e-9);
  }

  @Property
  void splittingAnIntervalKeepsTheTotal(
      @ForAll @Size(min = 4, max = 24) List<@DoubleRange(min = 0, max = 1000) Double> values,
      @ForAll @IntRange(min = 0, max = 3599) int startSecond,
      @ForAll @IntRange(min = 2, max = 3 * 3600) int lengthSeconds,
      @ForAll @DoubleRange(min = 0.01, max = 0.99) double at) throws Exception {
    IntensitySeries s = hourly(values);
    Instant from = T0.plusSeconds(startSecond);
    long whole = lengthSeconds;
    long first = Math.max(1, Math.min(whole - 1, Math.round(whole * at)));
    double total = Emissions.meanIntensity(s, from, Duration.ofSeconds(whole)) * whole;
    double parts = Emissions.meanIntensity(s, from, Duration.ofSeconds(first)) * first
        + Emissions.meanIntensity(s, from.plusSeconds(first), Duration.ofSeconds(whole - first)) * (whole - first);
    assertThat(parts).isCloseTo(total, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, total)));
  }
}
