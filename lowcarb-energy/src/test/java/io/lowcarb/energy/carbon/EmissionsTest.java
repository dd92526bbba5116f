package io.lowcarb.energy.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmissionsTest {
  static final Instant MIDNIGHT = Instant.parse("2024-03-01T00:00:00Z");

  final IntensitySeries twoHours = new IntensitySeries("ES", "test", List.of(
      new IntensityPoint(MIDNIGHT, Duration.ofHours(1), 100, IntensityKind.SERIES, "test", MIDNIGHT),
      new IntensityPoint(MIDNIGHT.plusSeconds(3600), Duration.ofHours(1), 300, IntensityKind.SERIES, "test", MIDNIGHT)));

  @Test
  void halfAnHourInEachOfTwoHoursIsTheirPlainMean() throws Exception {
    assertThat(Emissions.meanIntensity(twoHours, MIDNIGHT.plusSeconds(1800), Duration.ofHours(1)))
        .isCloseTo(200, within(1e-9));
  }

  @Test
  void eachHourWeighsByHowMuchOfTheIntervalItCovers() throws Exception {
    // 10 minutes at 100, 50 minutes at 300
    assertThat(Emissions.meanIntensity(twoHours, MIDNIGHT.plus(Duration.ofMinutes(50)), Duration.ofHours(1)))
        .isCloseTo((10 * 100 + 50 * 300) / 60.0, within(1e-9));
    assertThat(Emissions.meanIntensity(twoHours, MIDNIGHT, Duration.ofHours(2))).isCloseTo(200, within(1e-9));
  }

  @Test
  void anIntervalInsideOneHourIsThatHoursValue() throws Exception {
    assertThat(Emissions.meanIntensity(twoHours, MIDNIGHT.plusSeconds(4000), Duration.ofSeconds(10))).isEqualTo(300);
  }

  @Test
  void aZeroLengthIntervalIsTheValueAtItsStart() throws Exception {
    assertThat(Emissions.meanIntensity(twoHours, MIDNIGHT.plusSeconds(3600), Duration.ZERO)).isEqualTo(300);
  }

  @Test
  void anIntervalRunningPastTheSeriesHasNoMean() {
    assertThatThrownBy(() -> Emissions.meanIntensity(twoHours, MIDNIGHT.plusSeconds(5400), Duration.ofHours(1)))
        .isInstanceOf(IntensityUnavailableException.class);
  }

  @Test
  void aFixedIntensityIsItsOwnMean() throws Exception {
    assertThat(Emissions.meanIntensity(FixedIntensity.override("ES", 123.4), MIDNIGHT, Duration.ofDays(3)))
        .isCloseTo(123.4, within(1e-9));
  }
}
