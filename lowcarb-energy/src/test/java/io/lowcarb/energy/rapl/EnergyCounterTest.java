package io.lowcarb.energy.rapl;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class EnergyCounterTest {
  static final long MAX = 262_143_328_850L;

  @Example
  void withoutAWrapTheDeltaIsTheDifference() {
    assertThat(EnergyCounter.delta(1_000, 4_500, MAX)).isEqualTo(3_500);
    assertThat(EnergyCounter.delta(7, 7, MAX)).isZero();
  }

  @Example
  void acrossAWrapTheDeltaAddsTheWayToTheTop() {
    assertThat(EnergyCounter.delta(MAX - 100, 50, MAX)).isEqualTo(150);
  }

  @Property
  void staysInRangeAndLandsOnTheCurrentReading(
      @ForAll @LongRange(min = 1, max = MAX) long max,
      @ForAll @LongRange(min = 0, max = MAX) long a,
      @ForAll @LongRange(min = 0, max = MAX) long b) {
    long previous = a % (max + 1); // readings lie in [0, max]
    long current = b % (max + 1);
    long delta = EnergyCounter.delta(previous, current, max);
    assertThat(delta).isBetween(0L, max);
    assertThat((previous + delta) % max).isEqualTo(current % max);
  }

  @Property
  void recoversAnyIncreaseSmallerThanTheRange(
      @ForAll @LongRange(min = 1, max = MAX) long max,
      @ForAll @LongRange(min = 0, max = MAX) long start,
      @ForAll @LongRange(min = 0, max = MAX) long increase) {
    long previous = start % max;
    long used = increase % max;
    long current = (previous + used) % max;
    assertThat(EnergyCounter.delta(previous, current, max)).isEqualTo(used);
  }
}
