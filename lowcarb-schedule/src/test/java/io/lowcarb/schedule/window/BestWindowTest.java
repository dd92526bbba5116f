package io.lowcarb.schedule.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.carbon.IntensityKind;
import io.lowcarb.energy.carbon.IntensityPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BestWindowTest {
  private static final Instant T0 = Instant.parse("2023-06-01T00:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private static Instant at(int hours) {
    return T0.plus(HOUR.multipliedBy(hours));
  }

  @Test
  void aPlanToStartAtOnceNeverStartsBeforeTheEarliestStart() {
    BestWindow search = new BestWindow(Slots.of(T0, HOUR, 100, 300, 300));
    Instant earliest = T0.plusMillis(1_666);
    Plan plan = search.contiguous(earliest, at(3), Duration.ofMinutes(30));
    // the search runs in whole seconds: the next whole second, never before
    assertThat(plan.start()).isEqualTo(T0.plusSeconds(2));
    assertThat(plan.end()).isEqualTo(plan.start().plus(Duration.ofMinutes(30)));
  }

  @Test
  void picksTheCleanestHoursAndSaysWhatItSaves() {
    BestWindow search = new BestWindow(Slots.of(T0, HOUR, 300, 280, 100, 120, 400, 90));
    Plan plan = search.contiguous(T0, at(6), Duration.ofHours(2));
    assertThat(plan.start()).isEqualTo(at(2));
    assertThat(plan.end()).isEqualTo(at(4));
    assertThat(plan.avgIntensity()).isEqualTo(110);
    assertThat(plan.runNowAvgIntensity()).isEqualTo(290);
    assertThat(plan.savingsPct()).isCloseTo(100 * (1 - 110.0 / 290), within(1e-9));
  }

  @Test
  void theSlotCoveringATimeGivesItsIntensity() {
    Slots slots = Slots.of(T0, HOUR, 300, 280, 100);
    assertThat(slots.at(T0).getAsDouble()).isEqualTo(300);
    assertThat(slots.at(at(1).plusSeconds(3599)).getAsDouble()).isEqualTo(280);
    assertThat(slots.at(at(2)).getAsDouble()).isEqualTo(100);
    assertThat(slots.at(at(3))).isEmpty();
    assertThat(slots.at(T0.minusSeconds(1))).isEmpty();
  }

  @Test
  void aJobCanStartPartWayThroughAnHour() {
    // 90 minutes: the best start covers the clean hour and half of the next-cleanest one.
    BestWindow search = new BestWindow(Slots.of(T0, HOUR, 500, 200, 10, 500));
    Plan plan = search.contiguous(T0, at(4), Duration.ofMinutes(90));
    assertThat(plan.start()).isEqualTo(T0.plus(Duration.ofMinutes(90)));
    assertThat(plan.avgIntensity()).isCloseTo((200 * 30 + 10 * 60) / 90.0, within(1e-9));
  }

  @Test
  void tiesGoToTheEarliestStart() {
    Plan plan = new BestWindow(Slots.of(T0, HOUR, 100, 100, 100, 100)).contiguous(T0, at(4), HOUR);
    assertThat(plan.start()).isEqualTo(T0);
    assertThat(plan.savingsPct()).isZero();
  }

  @Test
  void interruptibleSplitsAcrossCleanHoursAndCountsTheRestoreOverhead() {
    double[] v = {50, 400, 400, 60, 400, 400};
    BestWindow search = new BestWindow(Slots.of(T0, HOUR, v));
    Plan free = search.interruptible(T0, at(6), Duration.ofHours(2), HOUR, Duration.ZERO);
    assertThat(free.segments()).containsExactly(new Segment(at(0), at(1)), new Segment(at(3), at(4)));
    assertThat(free.avgIntensity()).isEqualTo(55);
    // With one hour to restore after an interruption, splitting costs 50 + 60 + 400 > 50 + 400.
    Plan costly = search.interruptible(T0, at(6), Duration.ofHours(2), HOUR, HOUR);
    assertThat(costly.segments()).hasSize(1);
    assertThat(costly.avgIntensity()).isEqualTo(225);
  }

  @Test
  void aMinimumChunkKeepsStretchesLong() {
    double[] v = {10, 500, 500, 10, 500, 20, 30};
    Plan plan = new BestWindow(Slots.of(T0, HOUR, v)).interruptible(T0, at(7), Duration.ofHours(2),
        Duration.ofHours(2), Duration.ZERO);
    assertThat(plan.segments()).containsExactly(new Segment(at(5), at(7)));
  }

  @Test
  void badWindowsAreRefusedWithTheReason() {
    BestWindow search = new BestWindow(Slots.of(T0, HOUR, 1, 2, 3));
    assertThatThrownBy(() -> search.contiguous(T0, at(2), Duration.ofHours(3)))
        .hasMessageContaining("longer than the window");
    assertThatThrownBy(() -> search.contiguous(at(2), at(1), HOUR)).hasMessageContaining("not after");
    assertThatThrownBy(() -> search.contiguous(T0, at(5), HOUR)).hasMessageContaining("covers");
    assertThatThrownBy(() -> search.interruptible(T0.plusSeconds(1), at(3), Duration.ofMinutes(150), HOUR, Duration.ZERO))
        .hasMessageContaining("holds 2 whole");
  }

  @Test
  void aMissingHourIsHeldAndALongerHoleIsAGapThatNoPlanEnters() {
    // Step semantics: 01:00's value holds over the missing 02:00 (a spacing of twice the step).
    Slots held = Slots.from(List.of(point(0, 100), point(1, 200), point(3, 500)));
    assertThat(held.values()).containsExactly(100, 200, 200, 500);
    assertThat(held.gaps()).isEmpty();
    // Three missing hours: a gap, held at 200 for the record, never planned into.
    Slots gap = Slots.from(List.of(point(0, 400), point(1, 200), point(5, 250), point(6, 260), point(7, 900)));
    assertThat(gap.values()).containsExactly(400, 200, 200, 200, 200, 250, 260, 900);
    assertThat(gap.gaps()).containsExactly(new Segment(at(2), at(5)));
    Plan plan = new BestWindow(gap).contiguous(T0, at(8), Duration.ofHours(2));
    assertThat(plan.start()).isEqualTo(at(5)); // 01:00-03:00 averages 200 but enters the gap
    assertThat(plan.avgIntensity()).isEqualTo(255);
    Plan last = new BestWindow(gap).contiguous(T0, at(8), Duration.ofMinutes(90));
    assertThat(last.start()).isEqualTo(at(5));
    Plan ending = new BestWindow(gap).contiguous(T0.plusSeconds(1800), at(3), Duration.ofMinutes(90));
    assertThat(ending.start()).isEqualTo(T0.plusSeconds(1800)); // ends where the gap starts
    assertThatThrownBy(() -> new BestWindow(gap).contiguous(at(1), at(6), Duration.ofHours(2)))
        .hasMessageContaining("every window of 2 h from").hasMessageContaining("overlaps a gap")
        .hasMessageContaining("no values from " + at(2) + " to " + at(5));
    Plan pieces = new BestWindow(gap).interruptible(T0, at(8), Duration.ofHours(3), HOUR, Duration.ZERO);
    assertThat(pieces.segments()).containsExactly(new Segment(at(1), at(2)), new Segment(at(5), at(7)));
    assertThatThrownBy(() -> new BestWindow(gap).interruptible(at(2), at(6), Duration.ofHours(2), HOUR, Duration.ZERO))
        .hasMessageContaining("outside the gaps");
  }

  @Test
  void aPlanNeverStartsBeforeAnEarliestStartBetweenSeconds() {
    Slots slots = Slots.of(T0, Duration.ofSeconds(2), 500, 500, 10, 10, 10, 10, 500, 500);
    Instant earliest = T0.plusMillis(4_300); // inside the cheap stretch, part-way through a second
    Plan plan = new BestWindow(slots).contiguous(earliest, T0.plusSeconds(16), Duration.ofSeconds(3));
    assertThat(plan.start()).isEqualTo(T0.plusSeconds(5));
    assertThat(plan.avgIntensity()).isEqualTo(10);
    Plan pieces = new BestWindow(slots).interruptible(earliest, T0.plusSeconds(16), Duration.ofSeconds(3),
        Duration.ZERO, Duration.ZERO);
    assertThat(pieces.start()).isAfterOrEqualTo(earliest);
    assertThatThrownBy(() -> new BestWindow(slots).contiguous(earliest, T0.plusSeconds(7).plusMillis(300),
        Duration.ofSeconds(3))).hasMessageContaining("does not fit in whole seconds");
  }

  @Test
  void unsortedDuplicatedAndOverlappingPointsAreOrdered() {
    Slots slots = Slots.from(List.of(point(2, 3), point(0, 1), point(1, 2), point(1, 5)));
    assertThat(slots.values()).containsExactly(1, 5, 3);
    IntensityPoint twoHours = new IntensityPoint(T0, Duration.ofHours(2), 7, IntensityKind.SERIES, "test", T0);
    assertThat(Slots.from(List.of(twoHours, point(1, 8))).values()).containsExactly(7, 8);
  }

  private static IntensityPoint point(int hour, double value) {
    return new IntensityPoint(at(hour), HOUR, value, IntensityKind.SERIES, "test", T0);
  }
}
