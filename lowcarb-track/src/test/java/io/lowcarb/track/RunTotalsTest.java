package io.lowcarb.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunTotalsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private static Run run(Optional<Footprint> footprint) {
    return Run.of("abc", Runs.start(RunKind.IMPORTED, "x", T0),
        Optional.of(new RunEnd(RunStatus.FINISHED, T0.plusSeconds(10), footprint, Map.of(), List.of(),
            Optional.empty(), java.util.OptionalInt.empty(), "")));
  }

  private static Footprint of(double kwh, double kg) {
    return new Footprint(List.of(), kwh, kg, Double.NaN, "FRA", "CodeCarbon", "average", 1.0);
  }

  @Test
  void aFigureNotKnownIsLeftOutAndCountedNeverAddedAsZero() {
    RunTotals t = RunTotals.of(List.of(
        run(Optional.of(of(0.5, 0.2))),
        run(Optional.of(of(Double.NaN, 0.1))),
        run(Optional.of(of(0.25, Double.NaN))),
        run(Optional.empty())));
    assertThat(t.runs()).isEqualTo(4);
    assertThat(t.kwh()).isCloseTo(0.75, within(1e-12));
    assertThat(t.withoutEnergy()).isEqualTo(2);
    assertThat(t.emissionsKg()).isCloseTo(0.3, within(1e-12));
    assertThat(t.withoutEmissions()).isEqualTo(2);
  }
}
