package io.lowcarb.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class SciTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Run run(double kg, double seconds, Optional<FunctionalUnit> unit) {
    Footprint f = new Footprint(List.of(), 1, kg, 100, "ES", "table", "average", 1);
    return new Run("abc", RunKind.INFER, "m", "c", Map.of(), RunStatus.FINISHED, T0,
        Optional.of(T0.plusNanos((long) (seconds * 1e9))), Machine.local(), Optional.of(f), Map.of(), "", unit,
        OptionalInt.empty(), "", List.of());
  }

  @Test
  void operationalOnlyWhenTheHardwareIsUnknown() {
    Sci sci = Sci.of(run(0.002, 60, Optional.of(new FunctionalUnit("1,000 inferences", 4))), Optional.empty())
        .orElseThrow();
    assertThat(sci.gramsPerUnit()).isCloseTo(0.5, within(1e-12));
    assertThat(sci.includesEmbodied()).isFalse();
    assertThat(sci.embodiedSource()).isEqualTo("unknown: operational only");
  }

  @Test
  void embodiedIsTheShareOfLifetimeAndResourcesReserved() {
    // 1,000 kg over 4 years, half the machine, for one day: 1e6 g x (1 / 1461) x 0.5
    Sci.Embodied e = new Sci.Embodied(1000, 4, 0.5, "test");
    assertThat(e.gramsFor(Duration.ofDays(1))).isCloseTo(1e6 / (4 * 365.25) * 0.5, within(1e-6));
    Sci sci = Sci.of(run(0, 86400, Optional.of(new FunctionalUnit("training run", 1))), Optional.of(e)).orElseThrow();
    assertThat(sci.gramsPerUnit()).isCloseTo(342.23, within(0.01));
    assertThat(sci.includesEmbodied()).isTrue();
  }

  @Test
  void noSciWithoutAUnit() {
    assertThat(Sci.of(run(1, 1, Optional.empty()), Optional.empty())).isEmpty();
  }

  @Property
  void moreUnitsNeverRaiseTheIntensity(
      @ForAll @DoubleRange(min = 0, max = 10) double kg, @ForAll @DoubleRange(min = 1, max = 1e6) double units) {
    Sci one = Sci.of(run(kg, 10, Optional.of(new FunctionalUnit("u", units))), Optional.empty()).orElseThrow();
    Sci two = Sci.of(run(kg, 10, Optional.of(new FunctionalUnit("u", units * 2))), Optional.empty()).orElseThrow();
    assertThat(two.gramsPerUnit()).isLessThanOrEqualTo(one.gramsPerUnit());
    assertThat(one.gramsPerUnit() * units).isCloseTo(kg * 1000, within(1e-6 * (1 + kg * 1000)));
  }
}
