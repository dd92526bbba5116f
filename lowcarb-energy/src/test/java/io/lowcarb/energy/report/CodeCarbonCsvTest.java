package io.lowcarb.energy.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.lowcarb.energy.Component;
import io.lowcarb.energy.ComponentEnergy;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.IntensityUsed;
import io.lowcarb.energy.MachineInfo;
import io.lowcarb.energy.Method;
import io.lowcarb.energy.Scope;
import io.lowcarb.energy.carbon.IntensityKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeCarbonCsvTest {
  @TempDir Path dir;

  static RunRecord run(boolean complete) {
    ComponentEnergy cpu = new ComponentEnergy(Component.CPU, 3600, 36, Method.RAPL, 10, "rapl:package-0");
    ComponentEnergy gpu = new ComponentEnergy(Component.GPU, 7200, 72, Method.NVML, 5, "nvml:0");
    Instant start = Instant.parse("2024-05-01T00:00:00Z");
    EnergyReport r = new EnergyReport("python train.py", start, start.plusSeconds(100), Duration.ofSeconds(100),
        Scope.PROCESS, List.of(cpu, gpu), List.of(cpu, gpu), 1.0, 1.0,
        new IntensityUsed(333.3, "ES", "table", IntensityKind.ANNUAL_AVERAGE), 1.1, 0.42, 4e9, complete,
        List.of(), List.of());
    MachineInfo m = new MachineInfo("AMD EPYC 7763, 64-Core", 8, 16_000_000_000L,
        List.of("NVIDIA H100", "NVIDIA H100"), "Linux-6.1-amd64", "25.0.1");
    return new RunRecord(UUID.fromString("00000000-0000-0000-0000-000000000001"), "demo", "", List.of("python", "train.py"),
        complete ? OptionalInt.of(0) : OptionalInt.empty(), r, m,
        new RunRecord.Location("ES", "ES", "Spain", "", "", ""));
  }

  @Test
  void aRowHasEveryColumnInCodeCarbonsUnits() {
    String row = CodeCarbonCsv.row(run(true), "0.1.0");
    List<String> f = io.lowcarb.energy.text.SimpleCsv.split(row);
    assertThat(f).hasSize(CodeCarbonCsv.COLUMNS.size());
    assertThat(f.get(CodeCarbonCsv.COLUMNS.indexOf("duration"))).isEqualTo("100.0");
    assertThat(f.get(CodeCarbonCsv.COLUMNS.indexOf("emissions"))).isEqualTo("0.001"); // kg
    assertThat(f.get(CodeCarbonCsv.COLUMNS.indexOf("cpu_energy"))).isEqualTo("0.001"); // kWh
    assertThat(f.get(CodeCarbonCsv.COLUMNS.indexOf("energy_consumed"))).isEqualTo("0.003");
    assertThat(f.get(CodeCarbonCsv.COLUMNS.indexOf("gpu_power"))).isEqualTo("72.0");
    assertThat(f.get(CodeCarbonCsv.COLUMNS.indexOf("country_iso_code"))).isEqualTo("ESP");
    assertThat(f.get(CodeCarbonCsv.COLUMNS.indexOf("cpu_model"))).isEqualTo("AMD EPYC 7763, 64-Core");
    assertThat(f.get(CodeCarbonCsv.COLUMNS.indexOf("gpu_model"))).isEqualTo("2 x NVIDIA H100");
    assertThat(f.get(CodeCarbonCsv.COLUMNS.indexOf("python_version"))).isEqualTo("25.0.1");
    assertThat(f.get(CodeCarbonCsv.COLUMNS.indexOf("codecarbon_version"))).isEqualTo("lowcarb-0.1.0");
    assertThat(f.get(CodeCarbonCsv.COLUMNS.indexOf("tracking_mode"))).isEqualTo("process");
    assertThat(f.get(CodeCarbonCsv.COLUMNS.indexOf("pue"))).isEqualTo("1.1");
    assertThat(f.get(CodeCarbonCsv.COLUMNS.indexOf("on_cloud"))).isEqualTo("N");
    assertThat(row).contains("\"AMD EPYC 7763, 64-Core\"");
  }

  @Test
  void aProgressRowIsMarkedIncomplete() {
    List<String> f = io.lowcarb.energy.text.SimpleCsv.split(CodeCarbonCsv.row(run(false), "0.1.0"));
    assertThat(f.get(CodeCarbonCsv.COLUMNS.indexOf("tracking_mode"))).isEqualTo("process-incomplete");
  }

  @Test
  void theJsonSummaryHoldsTheContractFields() throws Exception {
    Path json = dir.resolve("out.json");
    SummaryJson.write(run(true), json);
    Set<String> fields = new HashSet<>();
    try (JsonParser p = new JsonFactory().createParser(json.toFile())) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME) {
          fields.add(p.currentName());
        }
      }
    }
    assertThat(fields).contains("run_id", "command", "exit_code", "duration_s", "energy_kwh", "emissions_kg", "pue",
        "components", "name", "avg_power_w", "method", "uncertainty_pct", "intensity", "g_per_kwh", "zone", "source",
        "kind", "machine", "cpu_model", "cpu_cores", "ram_gb", "gpus");
    assertThat(java.nio.file.Files.readString(json)).contains("\"kind\" : \"annual-average\"").contains("\"method\" : \"nvml\"");
  }
}
