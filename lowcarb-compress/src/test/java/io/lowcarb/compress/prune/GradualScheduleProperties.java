package io.lowcarb.compress.prune;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The schedule of Zhu and Gupta, for any sparsities, start, updates and interval. */
class GradualScheduleProperties {
  @Property
  void startsAtTheInitialSparsity(@ForAll("schedules") GradualSchedule s) {
    if (s.updates() > 0) {
      assertThat(s.sparsityAt(s.startStep())).isEqualTo(s.initialSparsity());
      assertThat(s.sparsityAt(0)).isEqualTo(s.initialSparsity());
    }
  }

  @Property
  void endsAtTheFinalSparsity(@ForAll("schedules") GradualSchedule s, @ForAll @LongRange(max = 1_000_000) long after) {
    assertThat(s.sparsityAt(s.endStep())).isEqualTo(s.finalSparsity());
    assertThat(s.sparsityAt(s.endStep() + after)).isEqualTo(s.finalSparsity());
  }

  @Property
  void neverFalls(@ForAll("schedules") GradualSchedule s, @ForAll @LongRange(max = 100_000) long step) {
    assertThat(s.sparsityAt(step + 1)).isGreaterThanOrEqualTo(s.sparsityAt(step));
  }

  @Property
  void staysAFraction(@ForAll("schedules") GradualSchedule s, @ForAll @LongRange(max = 100_000) long step) {
    assertThat(s.sparsityAt(step)).isGreaterThanOrEqualTo(0).isLessThan(1)
        .isBetween(s.initialSparsity(), s.finalSparsity());
  }

  @Property
  void changesOnlyAtUpdates(@ForAll("schedules") GradualSchedule s, @ForAll @LongRange(min = 1, max = 100_000) long step) {
    if (!s.isUpdate(step)) {
      assertThat(s.sparsityAt(step)).isEqualTo(s.sparsityAt(step - 1));
    }
  }

  @Provide
  Arbitrary<GradualSchedule> schedules() {
    Arbitrary<Double> initial = Arbitraries.doubles().between(0, 0.99);
    Arbitrary<Double> extra = Arbitraries.doubles().between(0, 1);
    return Combinators.combine(initial, extra, Arbitraries.longs().between(0, 500),
        Arbitraries.integers().between(0, 100), Arbitraries.longs().between(1, 200))
        .as((si, f, t0, n, dt) -> new GradualSchedule(si, Math.min(0.999, si + f * (0.999 - si)), t0, n, dt));
  }
}
