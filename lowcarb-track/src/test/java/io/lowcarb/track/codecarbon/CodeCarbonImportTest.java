package io.lowcarb.track.codecarbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.track.EnergyFigure;
import io.lowcarb.track.Footprint;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeCarbonImportTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  @TempDir Path dir;

  @Test
  void version1HasOnlyTotals() throws Exception {
    Path f = write("timestamp,experiment_id,project_name,duration,emissions,energy_consumed,country_name,"
        + "country_iso_code,region,on_cloud,cloud_provider,cloud_region",
        "2021-06-01T12:00:00,5b0fa12a-3dd7-45bb-9766-cc326314d9f1,bert,3600.0,0.2,0.5,France,FRA,,N,,");
    ImportedRun r = CodeCarbonImport.read(f, UTC).getFirst();
    assertThat(r.start().start()).isEqualTo(Instant.parse("2021-06-01T11:00:00Z"));
    assertThat(r.end().end()).isEqualTo(Instant.parse("2021-06-01T12:00:00Z"));
    Footprint fp = r.end().footprint().orElseThrow();
    assertThat(fp.kwh()).isEqualTo(0.5);
    assertThat(fp.emissionsKg()).isEqualTo(0.2);
    assertThat(fp.intensityGPerKwh()).isCloseTo(400, within(1e-9));
    assertThat(fp.zone()).isEqualTo("FRA");
    assertThat(fp.energy()).containsExactly(new EnergyFigure("total", 0.5, "codecarbon", "codecarbon"));
    assertThat(r.start().name()).isEqualTo("bert");
    assertThat(r.start().kind()).isEqualTo(RunKind.IMPORTED);
  }

  @Test
  void version2HasComponentsAndMachine() throws Exception {
    Path f = write("timestamp,project_name,run_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,"
        + "cpu_energy,gpu_energy,ram_energy,energy_consumed,country_name,country_iso_code,region,cloud_provider,"
        + "cloud_region,os,python_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,"
        + "tracking_mode,on_cloud",
        "2023-02-03T04:05:06,resnet,1f7c,120.5,0.001,8.3e-06,42.5,250.0,6.0,0.0014,0.0083,0.0002,0.0099,Spain,ESP,"
            + "madrid,,,Linux-6.1,3.10.12,16,\"AMD EPYC 7R13, 8-Core\",1,1 x NVIDIA A10G,-3.7,40.4,64.0,machine,N");
    ImportedRun r = CodeCarbonImport.read(f, UTC).getFirst();
    Footprint fp = r.end().footprint().orElseThrow();
    assertThat(fp.energy()).extracting(EnergyFigure::component).containsExactly("cpu", "gpu", "ram");
    assertThat(fp.energy().get(1).kwh()).isEqualTo(0.0083);
    Machine m = r.start().machine();
    assertThat(m.cpuModel()).isEqualTo("AMD EPYC 7R13, 8-Core");
    assertThat(m.cpus()).isEqualTo(16);
    assertThat(m.ramBytes()).isEqualTo(64_000_000_000L);
    assertThat(m.gpus()).containsExactly("1 x NVIDIA A10G");
    assertThat(r.start().parameters()).containsEntry("run_id", "1f7c").containsEntry("tracking_mode", "machine");
    assertThat(r.key()).isEqualTo("1f7c@2023-02-03T04:05:06");
  }

  @Test
  void aFileThatIsNotCodeCarbonsNamesTheMissingColumns() throws Exception {
    Path f = write("time,energy,duration", "1,2,3");
    assertThatThrownBy(() -> CodeCarbonImport.read(f, UTC))
        .isInstanceOf(CodeCarbonFormatException.class)
        .hasMessage(f + " is not a CodeCarbon emissions.csv: missing columns timestamp, emissions, energy_consumed");
  }

  @Test
  void aBadRowIsNamedByItsLine() throws Exception {
    Path f = write("timestamp,duration,emissions,energy_consumed", "2021-06-01T12:00:00,10,0.1,0.2",
        "2021-06-01T13:00:00,ten,0.1,0.2");
    assertThatThrownBy(() -> CodeCarbonImport.read(f, UTC))
        .hasMessage(f + " line 3: duration is not a number: 'ten'");
  }

  @Test
  void exportedRunsReadBackWithTheSameFigures() throws Exception {
    Instant t0 = Instant.parse("2026-02-01T08:00:00Z");
    Footprint fp = new Footprint(List.of(new EnergyFigure("cpu", 0.003, "rapl", "rapl:package-0"),
        new EnergyFigure("ram", 0.001, "estimate", "ram-model")), 0.004, 0.004 * 1.1 * 120 / 1000, 120, "ES",
        "built-in table", "average", 1.1);
    Path out = dir.resolve("emissions.csv");
    try (RunStore store = RunStore.open(RunStore.defaultUrl(dir))) {
      String id = store.begin(new RunStart(RunKind.TRAIN, "digits, mlp", "lowcarb train", Map.of(), t0,
          new Machine("h", "Test CPU", 4, 8_000_000_000L, List.of(), "Linux"), "accuracy"));
      store.finish(id, RunEnd.finished(t0.plusSeconds(300), fp, Map.of("accuracy", 0.97)));
      Run run = store.get(id);
      Files.writeString(out, CodeCarbonExport.header() + "\n" + CodeCarbonExport.row(run, UTC, "1.0") + "\n");
    }
    assertThat(Files.readAllLines(out).getFirst()).isEqualTo(io.lowcarb.energy.report.CodeCarbonCsv.HEADER);
    ImportedRun back = CodeCarbonImport.read(out, UTC).getFirst();
    Footprint f = back.end().footprint().orElseThrow();
    assertThat(back.start().name()).isEqualTo("digits, mlp");
    assertThat(back.start().start()).isEqualTo(t0);
    assertThat(back.end().end()).isEqualTo(t0.plusSeconds(300));
    assertThat(f.kwh()).isEqualTo(0.004);
    assertThat(f.emissionsKg()).isCloseTo(fp.emissionsKg(), within(1e-15));
    assertThat(f.intensityGPerKwh()).isCloseTo(120, within(1e-9));
    assertThat(f.pue()).isEqualTo(1.1);
    assertThat(f.energy()).extracting(EnergyFigure::component, EnergyFigure::kwh)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("cpu", 0.003), org.assertj.core.groups.Tuple.tuple("ram", 0.001));
    try (RunStore store = RunStore.open(RunStore.defaultUrl(dir))) {
      store.insert(back.start(), back.end(), Map.of());
      assertThat(store.list(RunFilter.latest(10))).hasSize(2);
    }
  }

  private Path write(String... lines) throws Exception {
    Path f = dir.resolve("emissions-" + System.nanoTime() + ".csv");
    Files.writeString(f, String.join("\n", lines) + "\n");
    return f;
  }
}
