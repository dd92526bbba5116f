package io.lowcarb.energy.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Looking up periods: inclusive starts, exclusive ends, and gaps that are never papered over. */
class IntensitySeriesTest {
  static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

  private static IntensityPoint hour(int h, double g) {
    return new IntensityPoint(T0.plus(Duration.ofHours(h)), Duration.ofHours(1), g, IntensityKind.SERIES, "test", T0);
  }

  /** 00-01 at 100, 01-02 at 200, nothing 02-03, 03-04 at 400. */
  final IntensitySeries series = new IntensitySeries("ES", "test.csv", List.of(hour(0, 100), hour(1, 200), hour(3, 400)));

  @Test
  void aTimeFallsInThePeriodThatStartedLastBeforeIt() throws Exception {
    assertThat(series.at(T0).gPerKwh()).isEqualTo(100);
    assertThat(series.at(T0.plusSeconds(3599)).gPerKwh()).isEqualTo(100);
    assertThat(series.at(T0.plusSeconds(3600)).gPerKwh()).isEqualTo(200);
    assertThat(series.at(T0.plus(Duration.ofMinutes(239))).gPerKwh()).isEqualTo(400);
  }

  @Test
  void timesOutsideTheSeriesOrInAGapHaveNoValue() {
    assertThatThrownBy(() -> series.at(T0.minusSeconds(1))).isInstanceOf(IntensityUnavailableException.class);
    assertThatThrownBy(() -> series.at(T0.plus(Duration.ofMinutes(150))))
        .isInstanceOf(IntensityUnavailableException.class)
        .hasMessageContaining("ES").hasMessageContaining("test.csv");
    assertThatThrownBy(() -> series.at(series.end())).isInstanceOf(IntensityUnavailableException.class);
  }

  @Test
  void betweenListsTheOverlappingPeriodsInOrder() throws Exception {
    assertThat(series.between(T0.plusSeconds(1800), T0.plusSeconds(5400)))
        .extracting(IntensityPoint::gPerKwh).containsExactly(100.0, 200.0);
    assertThat(series.between(T0, T0.plusSeconds(3600))).extracting(IntensityPoint::gPerKwh).containsExactly(100.0);
    assertThat(series.between(T0.plusSeconds(10), T0.plusSeconds(20))).hasSize(1);
  }

  @Test
  void betweenRefusesARangeThatCrossesAGap() {
    assertThatThrownBy(() -> series.between(T0.plusSeconds(1800), T0.plus(Duration.ofHours(3).plusMinutes(30))))
        .isInstanceOf(IntensityUnavailableException.class)
        .hasMessageContaining(T0.plus(Duration.ofHours(2)).toString());
    assertThatThrownBy(() -> series.between(T0.plus(Duration.ofHours(3)), T0.plus(Duration.ofHours(5))))
        .isInstanceOf(IntensityUnavailableException.class);
  }

  @Test
  void knowsItsExtent() {
    assertThat(series.first()).isEqualTo(T0);
    assertThat(series.end()).isEqualTo(T0.plus(Duration.ofHours(4)));
    assertThat(series.zone()).isEqualTo("ES");
    assertThat(series.source()).isEqualTo("test.csv");
  }

  @Test
  void periodsMustBeOrderedAndNotOverlapAndThereMustBeOne() {
    assertThatThrownBy(() -> new IntensitySeries("X", "t", List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IntensitySeries("X", "t", List.of(hour(1, 1), hour(0, 1))))
        .isInstanceOf(IllegalArgumentException.class);
    IntensityPoint twoHours = new IntensityPoint(T0, Duration.ofHours(2), 1, IntensityKind.SERIES, "t", T0);
    assertThatThrownBy(() -> new IntensitySeries("X", "t", List.of(twoHours, hour(1, 1))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
  }

  @Test
  void aPointNeedsALengthAndAnIntensityOfZeroOrMore() {
    assertThatThrownBy(() -> new IntensityPoint(T0, Duration.ZERO, 1, IntensityKind.SERIES, "t", T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IntensityPoint(T0, Duration.ofHours(1), -1, IntensityKind.SERIES, "t", T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(hour(0, 0).covers(T0)).isTrue();
    assertThat(hour(0, 0).covers(T0.plusSeconds(3600))).isFalse();
  }

  @Test
  void gapsAreTheStretchesNoPeriodCovers() {
    assertThat(series.gaps()).containsExactly(
        new IntensitySeries.Gap(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(3))));
    assertThat(series.gaps().getFirst().duration()).isEqualTo(Duration.ofHours(1));
    assertThat(new IntensitySeries("X", "t", List.of(hour(0, 1), hour(1, 2))).gaps()).isEmpty();
    assertThat(series.notes()).isEmpty();
  }
}
