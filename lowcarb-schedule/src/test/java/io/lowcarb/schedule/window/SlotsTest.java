package io.lowcarb.schedule.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.carbon.IntensityKind;
import io.lowcarb.energy.carbon.IntensityPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Building slots from periods of mixed lengths, with step or linear reading. */
class SlotsTest {
  private static final Instant T0 = Instant.parse("2020-06-30T22:00:00Z");

  private static IntensityPoint point(int minute, int minutes, double value, IntensityKind kind) {
    return new IntensityPoint(T0.plus(Duration.ofMinutes(minute)), Duration.ofMinutes(minutes), value, kind, "t", T0);
  }

  @Test
  void aHalfHourlySeriesAndAQuarterHourlyTailMeetOnTheFinestGrid() {
    List<IntensityPoint> points = List.of(point(0, 30, 100, IntensityKind.SERIES), point(30, 30, 200, IntensityKind.SERIES),
        point(60, 15, 300, IntensityKind.FORECAST), point(75, 15, 400, IntensityKind.FORECAST));
    Slots slots = Slots.from(points);
    assertThat(slots.step()).isEqualTo(Duration.ofMinutes(15));
    assertThat(slots.values()).containsExactly(100, 100, 200, 200, 300, 400);
    assertThat(slots.gaps()).isEmpty();
    assertThat(slots.mean(T0, T0.plus(Duration.ofMinutes(90)))).isCloseTo(1300.0 / 6, within(1e-9));
  }

  @Test
  void linearInterpolationOnlyOnRequest() {
    List<IntensityPoint> points = List.of(point(0, 60, 100, IntensityKind.SERIES), point(60, 60, 200, IntensityKind.SERIES));
    assertThat(Slots.from(points).values()).containsExactly(100, 200);
    // Linear: the value runs from 100 at 00:00 to 200 at 01:00, then holds; each quarter hour takes its mean.
    Slots linear = Slots.from(points, Slots.Interpolation.LINEAR, Duration.ofMinutes(15));
    assertThat(linear.values()).containsExactly(112.5, 137.5, 162.5, 187.5, 200, 200, 200, 200);
    assertThat(linear.mean(T0, T0.plus(Duration.ofHours(1)))).isCloseTo(150, within(1e-9));
  }

  @Test
  void aGapIsHeldForTheRecordAndListedOnce() {
    List<IntensityPoint> points = List.of(point(0, 30, 100, IntensityKind.SERIES), point(30, 30, 200, IntensityKind.SERIES),
        point(180, 15, 300, IntensityKind.SERIES), point(195, 15, 400, IntensityKind.SERIES));
    Slots slots = Slots.from(points);
    assertThat(slots.gaps()).containsExactly(new Segment(T0.plus(Duration.ofMinutes(60)), T0.plus(Duration.ofMinutes(180))));
    assertThat(slots.at(T0.plus(Duration.ofMinutes(100))).getAsDouble()).isEqualTo(200);
    assertThat(slots.gapsWithin(T0.plus(Duration.ofMinutes(90)), T0.plus(Duration.ofMinutes(200))))
        .containsExactly(new Segment(T0.plus(Duration.ofMinutes(90)), T0.plus(Duration.ofMinutes(180))));
    assertThat(slots.gapsWithin(T0, T0.plus(Duration.ofMinutes(60)))).isEmpty();
  }

  @Test
  void aYearOfFiveMinuteDataIsAHundredThousandSlotsAndSecondsAreCoarsened() {
    List<IntensityPoint> year = new ArrayList<>();
    for (int i = 0; i < 105_120; i++) {
      year.add(new IntensityPoint(T0.plusSeconds(300L * i), Duration.ofMinutes(5), i % 288, IntensityKind.SERIES, "t", T0));
    }
    Slots slots = Slots.from(year);
    assertThat(slots.size()).isEqualTo(105_120);
    assertThat(slots.step()).isEqualTo(Duration.ofMinutes(5));

    // Two points a second off the grid, years apart: the finest grid would need 10^8 slots.
    List<IntensityPoint> far = List.of(
        new IntensityPoint(T0, Duration.ofDays(2000), 100, IntensityKind.SERIES, "t", T0),
        new IntensityPoint(T0.plus(Duration.ofDays(2000)), Duration.ofSeconds(1), 300, IntensityKind.SERIES, "t", T0));
    Slots coarse = Slots.from(far);
    assertThat(coarse.size()).isLessThanOrEqualTo(Slots.MAX_SLOTS);
    assertThat(coarse.mean(T0, T0.plus(Duration.ofDays(1000)))).isCloseTo(100, within(1e-9));
    assertThatThrownBy(() -> Slots.from(far, Slots.Interpolation.STEP, Duration.ofSeconds(1)))
        .hasMessageContaining("more than " + Slots.MAX_SLOTS);
  }
}
