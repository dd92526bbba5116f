package io.lowcarb.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.track.EnergyFigure;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.FunctionalUnit;
import io.lowcarb.track.Machine;
import io.lowcarb.track.Run;
import io.lowcarb.track.RunKind;
import io.lowcarb.track.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The runs table says each figure with how it was obtained. */
class RunRowTest {
  static final Instant START = Instant.parse("2026-03-02T08:15:00Z");

  static Run run(Optional<Footprint> footprint, Optional<FunctionalUnit> unit, Optional<Instant> end) {
    return run(footprint, unit, end, RunStatus.FINISHED, "");
  }

  static Run run(Optional<Footprint> footprint, Optional<FunctionalUnit> unit, Optional<Instant> end, RunStatus status,
      String message) {
    return new Run("a1b2c3d4e5f6", RunKind.INFER, "digits int8", "lowcarb infer", Map.of(), status, START,
        end, new Machine("h", "cpu", 4, 0, List.of(), "Linux"), footprint, Map.of("accuracy", 0.97724),
        "accuracy", unit, OptionalInt.empty(), message, List.of());
  }

  static final Footprint FOOTPRINT = new Footprint(
      List.of(new EnergyFigure("cpu", 0.0012, "rapl", "rapl:package-0", 10),
          new EnergyFigure("ram", 0.0003, "estimate", "", 40)),
      0.0015, 0.0015 * 1.2 * 250 / 1000, 250, "DE", "built-in table (Ember 2023)", "average", 1.2);

  @Test
  void energyAndCo2eNameTheirMethodAndUncertaintyAndThoseOfEachComponentAndIntensityItsSource() {
    RunRow row = RunRow.of(run(Optional.of(FOOTPRINT), Optional.empty(), Optional.of(START.plusSeconds(125))));
    // 0.00012 and 0.00012 kWh in quadrature over 0.0015 kWh: 11.3 %
    assertThat(row.energy()).isEqualTo("0.0015 kWh mixed ±11 % (cpu rapl ±10 %, ram estimate ±40 %)");
    assertThat(row.emissions()).isEqualTo("0.45 g mixed ±11 %");
    assertThat(row.intensity()).isEqualTo("250 g/kWh DE, built-in table (Ember 2023) (average, PUE 1.2)");
    assertThat(row.start()).isEqualTo("2026-03-02 08:15:00 UTC");
    assertThat(row.duration()).isEqualTo("2 min 05 s");
    assertThat(row.mainMetric()).isEqualTo("accuracy 0.977");
    assertThat(row.sci()).isEmpty();
  }

  @Test
  void sciIsEmissionsPerFunctionalUnitAndSaysItIsOperationalOnly() {
    RunRow row = RunRow.of(run(Optional.of(FOOTPRINT), Optional.of(new FunctionalUnit("1,000 inferences", 9)),
        Optional.of(START.plus(Duration.ofHours(2).plusMinutes(7)))));
    // 0.45 g over 9 units
    assertThat(row.sci()).isEqualTo("0.05 g ±11 % per 1,000 inferences (operational only)");
    assertThat(row.duration()).isEqualTo("2 h 07 min");
  }

  @Test
  void aRunWithoutFootprintSaysSoAndARunningOneHasNoDuration() {
    RunRow row = RunRow.of(run(Optional.empty(), Optional.of(new FunctionalUnit("run", 1)), Optional.empty()));
    assertThat(row.energy()).isEqualTo("not measured");
    assertThat(row.emissions()).isEqualTo("not measured");
    assertThat(row.sci()).isEmpty();
    assertThat(row.duration()).isEqualTo("running");
    assertThat(row.status()).isEqualTo("finished");
  }

  @Test
  void figuresNotKnownReadAsDashes() {
    Footprint blank = new Footprint(List.of(new EnergyFigure("total", 0.2, "codecarbon", "codecarbon")), 0.2,
        Double.NaN, Double.NaN, "FRA", "CodeCarbon", "average", 1.0);
    Run noStart = new Run("a1b2c3d4e5f6", RunKind.IMPORTED, "bert", "codecarbon", Map.of(), RunStatus.FINISHED, START,
        Optional.of(START), new Machine("h", "cpu", 4, 0, List.of(), "Linux"), Optional.of(blank), Map.of(), "",
        Optional.of(new FunctionalUnit("run", 1)), OptionalInt.empty(), "", List.of(), false);
    RunRow row = RunRow.of(noStart);
    assertThat(row.start()).isEqualTo("-");
    assertThat(row.duration()).isEqualTo("-");
    assertThat(row.energy()).isEqualTo("0.2 kWh codecarbon ± - (total codecarbon ± -)");
    assertThat(row.emissions()).isEqualTo("-");
    assertThat(row.intensity()).isEqualTo("- FRA, CodeCarbon (average)");
    assertThat(row.sci()).isEmpty();
    Footprint noEnergy = new Footprint(List.of(), Double.NaN, 0.004, Double.NaN, "FRA", "CodeCarbon", "average", 1.0);
    RunRow other = RunRow.of(run(Optional.of(noEnergy), Optional.empty(), Optional.of(START.plusSeconds(3))));
    assertThat(other.energy()).isEqualTo("-");
    assertThat(other.emissions()).isEqualTo("4 g - ± -");
    Footprint stored = new Footprint(List.of(new EnergyFigure("cpu", 0.001, "rapl", "rapl:package-0")), 0.001, 0.0002,
        200, "DE", "table", "average", 1.0);
    assertThat(RunRow.of(run(Optional.of(stored), Optional.empty(), Optional.of(START))).energy())
        .as("a run stored before uncertainties were kept").isEqualTo("0.001 kWh measured ± - (cpu rapl ± -)");
  }

  @Test
  void aFailedRunSaysWhy() {
    RunRow row = RunRow.of(run(Optional.of(FOOTPRINT), Optional.empty(), Optional.of(START.plusSeconds(3)),
        RunStatus.FAILED, "exit status 137"));
    assertThat(row.status()).isEqualTo("failed: exit status 137");
    assertThat(row.energy()).startsWith("0.0015 kWh");
  }

  @Test
  void figuresKeepThreeSignificantDigitsWithoutExponents() {
    assertThat(Figures.number(0.000012345)).isEqualTo("0.0000123");
    assertThat(Figures.number(12.0)).isEqualTo("12");
    assertThat(Figures.number(999.6)).isEqualTo("1,000");
    assertThat(Figures.number(12345.6)).isEqualTo("12,346");
    assertThat(Figures.duration(Duration.ofMillis(1500))).isEqualTo("1.5 s");
    assertThat(Figures.duration(Duration.ofSeconds(42))).isEqualTo("42 s");
  }
}
