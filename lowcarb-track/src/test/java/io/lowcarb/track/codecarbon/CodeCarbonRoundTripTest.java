package io.lowcarb.track.codecarbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.report.CodeCarbonCsv;
import io.lowcarb.track.EnergyFigure;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.ImportedRun;
import io.lowcarb.track.Machine;
import io.lowcarb.track.Run;
import io.lowcarb.track.RunEnd;
import io.lowcarb.track.RunFilter;
import io.lowcarb.track.RunKind;
import io.lowcarb.track.RunStart;
import io.lowcarb.track.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lowcarb's export read back by its import, and imported runs exported with their blanks. */
class CodeCarbonRoundTripTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  @TempDir Path dir;

  @Test
  void exportedRunsReadBackWithTheSameFigures() throws Exception {
    Instant t0 = Instant.parse("2026-02-01T08:00:00Z");
    Footprint fp = new Footprint(List.of(new EnergyFigure("cpu", 0.003, "rapl", "rapl:package-0", 10),
        new EnergyFigure("ram", 0.001, "estimate", "ram-model", 40)), 0.004, 0.004 * 1.1 * 120 / 1000, 120, "ES",
        "built-in table", "average", 1.1);
    Path out = dir.resolve("emissions.csv");
    String id;
    try (RunStore store = RunStore.open(RunStore.defaultUrl(dir))) {
      id = store.begin(new RunStart(RunKind.TRAIN, "digits, mlp", "lowcarb train", Map.of(), t0,
          new Machine("h", "Test CPU", 4, 8_000_000_000L, List.of(), "Linux"), "accuracy"));
      store.finish(id, RunEnd.finished(t0.plusSeconds(300), fp, Map.of("accuracy", 0.97)));
      Run run = store.get(id);
      Files.writeString(out, CodeCarbonExport.header() + "\n" + CodeCarbonExport.row(run, UTC, "1.0") + "\n");
    }
    assertThat(Files.readAllLines(out).getFirst()).isEqualTo(CodeCarbonCsv.HEADER);
    ImportedRun back = CodeCarbonImport.read(out, UTC).runs().getFirst();
    Footprint f = back.end().footprint().orElseThrow();
    assertThat(back.start().name()).isEqualTo("digits, mlp");
    assertThat(back.start().start()).isEqualTo(t0);
    assertThat(back.end().end()).isEqualTo(t0.plusSeconds(300));
    assertThat(f.kwh()).isEqualTo(0.004);
    assertThat(f.emissionsKg()).isCloseTo(fp.emissionsKg(), within(1e-15));
    assertThat(f.intensityGPerKwh()).isCloseTo(120, within(1e-9));
    assertThat(f.pue()).isEqualTo(1.1);
    assertThat(f.energy()).extracting(EnergyFigure::component, EnergyFigure::kwh)
        .containsExactly(Tuple.tuple("cpu", 0.003), Tuple.tuple("ram", 0.001));
    assertThat(f.method()).isEqualTo(fp.method()).contains(io.lowcarb.energy.EnergyBasis.Obtained.MIXED);
    assertThat(f.uncertaintyPct()).isCloseTo(fp.uncertaintyPct(), within(1e-12));
    assertThat(back.id()).as("the file's run_id is the store's id").contains(id);
    try (RunStore store = RunStore.open(RunStore.defaultUrl(dir))) {
      assertThat(store.importRuns(List.of(back))).as("the store holds that run already").isEmpty();
      assertThat(store.list(RunFilter.latest(10))).hasSize(1);
    }
    try (RunStore other = RunStore.open(RunStore.defaultUrl(dir.resolve("other")))) {
      assertThat(other.importRuns(List.of(back))).containsValue(id);
      assertThat(other.get(id).footprint().orElseThrow().basis()).isEqualTo(fp.basis());
    }
  }

  @Test
  void codeCarbonsOwnRowsHaveNoMethodOrUncertaintyAndABadMethodIsNamed() throws Exception {
    CodeCarbonFile own = CodeCarbonImport.read(CodeCarbonImportTest.fixture("v3-emissions.csv"), UTC);
    assertThat(own.runs()).allSatisfy(r -> r.end().footprint().ifPresent(f -> {
      assertThat(f.method()).isEmpty();
      assertThat(f.knownUncertaintyPct()).isEmpty();
    }));
    String text = "timestamp,run_id,duration,energy_consumed,emissions,energy_method,uncertainty_pct\n"
        + "2025-01-01T00:00:00,r1,10,0.2,0.1,estimated,30\n"
        + "2025-01-01T00:00:00,r2,10,0.2,0.1,guessed,30\n"
        + "2025-01-01T00:00:00,r3,10,0.2,0.1,,\n";
    CodeCarbonFile file = CodeCarbonImport.read(text.getBytes(), "basis.csv", UTC);
    assertThat(file.runs()).hasSize(2);
    Footprint estimated = file.runs().getFirst().end().footprint().orElseThrow();
    assertThat(estimated.basis()).contains(new io.lowcarb.energy.EnergyBasis(
        io.lowcarb.energy.EnergyBasis.Obtained.ESTIMATED, 30));
    assertThat(file.runs().get(1).end().footprint().orElseThrow().basis()).as("blank: not known").isEmpty();
    assertThat(file.skipped()).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(3);
      assertThat(r.reason()).contains("guessed");
    });
  }

  @Test
  void blankCellsStayBlankWhenAnImportIsExported() throws Exception {
    CodeCarbonFile file = CodeCarbonImport.read(CodeCarbonImportTest.fixture("v3-emissions.csv"), UTC);
    try (RunStore store = RunStore.open(RunStore.defaultUrl(dir))) {
      Map<String, String> ids = store.importRuns(file.runs());
      Run noEmissions = store.get(ids.get("codecarbon:c5f0e2d1-6b8a-4e3f-9a27-3d4c5b6a7e80"));
      Run noDuration = store.get(ids.get("codecarbon:f7e6d5c4-b3a2-4190-8e7d-6c5b4a392817"));
      Map<String, String> a = cells(CodeCarbonExport.row(noEmissions, UTC, "1.0"));
      assertThat(a).containsEntry("emissions", "").containsEntry("emissions_rate", "")
          .containsEntry("energy_consumed", "0.03708333333333333").containsEntry("duration", "600.0");
      Map<String, String> b = cells(CodeCarbonExport.row(noDuration, UTC, "1.0"));
      assertThat(b).containsEntry("duration", "").containsEntry("emissions_rate", "").containsEntry("cpu_power", "")
          .containsEntry("energy_consumed", "0.037").containsEntry("emissions", "0.00185")
          .containsEntry("timestamp", "2025-06-12T09:30");
    }
  }

  @Test
  void aRunWithOnlyATotalExportsItsComponentsBlank() throws Exception {
    CodeCarbonFile file = CodeCarbonImport.read(CodeCarbonImportTest.fixture("v1-emissions.csv"), UTC);
    try (RunStore store = RunStore.open(RunStore.defaultUrl(dir))) {
      Map<String, String> ids = store.importRuns(file.runs());
      Map<String, String> c = cells(CodeCarbonExport.row(store.get(ids.get(file.runs().getFirst().key())), UTC, "1.0"));
      assertThat(c).containsEntry("energy_consumed", "0.08812791243529816").containsEntry("cpu_energy", "")
          .containsEntry("gpu_energy", "").containsEntry("ram_power", "");
    }
  }

  @Test
  void longNamesAndZonesAreClippedToWhatTheStoreHolds() throws Exception {
    String text = "timestamp,project_name,task_name,run_id,duration,emissions,energy_consumed,cloud_region\n"
        + "2025-01-01T00:00:00," + "p".repeat(300) + ",train,r1,10,0.1,0.2," + "z".repeat(150) + "\n";
    CodeCarbonFile file = CodeCarbonImport.read(text.getBytes(), "long.csv", UTC);
    try (RunStore store = RunStore.open(RunStore.defaultUrl(dir))) {
      Run r = store.get(store.importRuns(file.runs()).get("codecarbon:r1#train"));
      assertThat(r.name()).hasSize(300).endsWith("...");
      assertThat(r.footprint().orElseThrow().zone()).hasSize(100);
      assertThat(r.parameters()).containsEntry("cloud_region", "z".repeat(150));
    }
  }

  private static Map<String, String> cells(String row) {
    List<String> fields = CsvRecords.split(row).getFirst().fields();
    Map<String, String> m = new java.util.HashMap<>();
    for (int i = 0; i < CodeCarbonCsv.COLUMNS.size(); i++) {
      m.put(CodeCarbonCsv.COLUMNS.get(i), fields.get(i));
    }
    return m;
  }
}
