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

  private static Run run(String id, Optional<String> parent, Footprint footprint) {
    RunStart start = Runs.start(RunKind.TRAIN, "x", T0);
    return Run.of(id, parent.map(start::under).orElse(start), Optional.of(RunEnd.finished(T0.plusSeconds(10),
        footprint, Map.of())));
  }

  private static Footprint measured(double kwh, double pct) {
    return new Footprint(List.of(new EnergyFigure("cpu", kwh, "rapl", "rapl:package-0", pct)), kwh, kwh / 10,
        100, "ES", "table", "average", 1.0);
  }

  @Test
  void runsAddTheirUncertaintiesInQuadratureAndAStepIsCountedInItsParentOnly() {
    RunTotals t = RunTotals.of(List.of(
        run("pipeline", Optional.empty(), measured(0.3, 10)),
        run("train", Optional.of("pipeline"), measured(0.2, 10)),
        run("compress", Optional.of("pipeline"), measured(0.1, 10)),
        run("other", Optional.empty(), measured(0.4, 20)),
        run("orphan", Optional.of("not listed"), measured(0.3, 10))));
    assertThat(t.runs()).isEqualTo(5);
    assertThat(t.inParent()).isEqualTo(2);
    assertThat(t.kwh()).isCloseTo(1.0, within(1e-12));
    assertThat(t.method()).contains(io.lowcarb.energy.EnergyBasis.Obtained.MEASURED);
    assertThat(t.energyUncertaintyPct()).isCloseTo(100 * Math.sqrt(0.03 * 0.03 + 0.08 * 0.08 + 0.03 * 0.03) / 1.0,
        within(1e-9));
    assertThat(t.emissionsUncertaintyPct()).isCloseTo(t.energyUncertaintyPct(), within(1e-9));
  }

  @Test
  void oneRunWithoutAnUncertaintyLeavesTheTotalsUncertaintyNotKnownItsMethodKnown() {
    Footprint old = new Footprint(List.of(new EnergyFigure("cpu", 0.2, "estimate", "tdp")), 0.2, 0.02, 100, "ES",
        "table", "average", 1.0);
    RunTotals t = RunTotals.of(List.of(run("a", Optional.empty(), measured(0.3, 10)), run("b", Optional.empty(), old)));
    assertThat(t.method()).contains(io.lowcarb.energy.EnergyBasis.Obtained.MIXED);
    assertThat(t.energyUncertaintyPct()).isNaN();
    assertThat(t.emissionsUncertaintyPct()).isNaN();
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
