package io.lowcarb.energy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonFactory;
import io.lowcarb.energy.EnergyBasis;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary file, read back with a JSON parser and checked against the documented contract. */
class SummaryJsonTest {
  @TempDir Path dir;

  /** The file as maps, lists, strings, numbers, booleans and nulls. */
  private static Map<String, Object> read(Path file) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      p.nextToken();
      @SuppressWarnings("unchecked")
      Map<String, Object> root = (Map<String, Object>) value(p);
      return root;
    }
  }

  private static Object value(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, value(p));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(p));
        }
        return list;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return p.getBooleanValue();
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IllegalStateException("unexpected " + p.currentToken());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  @Test
  void theTopLevelFieldsOfTheContract() throws IOException {
    Path file = dir.resolve("run.json");
    SummaryJson.write(Runs.run(true), file);
    Map<String, Object> json = read(file);
    assertThat(json).containsKeys("run_id", "command", "exit_code", "duration_s", "energy_kwh", "emissions_kg", "pue",
        "components", "intensity", "machine");
    assertThat(json.get("run_id")).isEqualTo(Runs.ID.toString());
    assertThat(json.get("command")).isEqualTo(List.of("python", "train.py", "--epochs", "3"));
    assertThat(json.get("exit_code")).isEqualTo(0.0);
    assertThat(json.get("complete")).isEqualTo(true);
    assertThat((double) json.get("duration_s")).isEqualTo(200);
    assertThat((double) json.get("energy_kwh")).isCloseTo(0.0022, within(1e-15));
    assertThat((double) json.get("emissions_kg")).isCloseTo(0.0022 * 0.4 * 1.25, within(1e-15));
    assertThat((double) json.get("pue")).isEqualTo(1.25);
    assertThat(json.get("scope")).isEqualTo("process");
    assertThat(json.get("warnings")).isEqualTo(List.of("RAM energy is estimated"));
    // RAPL CPU and estimated RAM: mixed, their uncertainties in quadrature
    assertThat(json.get("energy_method")).isEqualTo("mixed");
    assertThat((double) json.get("uncertainty_pct"))
        .isCloseTo(EnergyBasis.of(Runs.run(true).report().components()).uncertaintyPct(), within(1e-12));
    assertThat(object(json.get("machine_total"))).containsKeys("energy_method", "uncertainty_pct");
    assertThat(json).as("a run of its own").doesNotContainKey("parent_run_id");
  }

  @Test
  void aRunRecordedUnderAnotherNamesItsParent() throws IOException {
    Path file = dir.resolve("run.json");
    RunRecord r = Runs.run(true);
    String parent = "0b7d9a52-6c1e-4f0a-9d3e-2a8b5c4d6e7f";
    SummaryJson.write(new RunRecord(r.runId(), r.project(), r.experimentId(), r.command(), r.exitCode(), r.report(),
        r.machine(), r.location(), java.util.Optional.of(parent)), file);
    assertThat(read(file).get("parent_run_id")).isEqualTo(parent);
  }

  @Test
  void componentsIntensityAndMachine() throws IOException {
    Path file = dir.resolve("run.json");
    SummaryJson.write(Runs.run(true), file);
    Map<String, Object> json = read(file);

    List<Object> components = list(json.get("components"));
    assertThat(components).hasSize(2);
    Map<String, Object> cpu = object(components.get(0));
    assertThat(cpu).containsOnlyKeys("name", "energy_kwh", "avg_power_w", "method", "uncertainty_pct", "sensor");
    assertThat(cpu.get("name")).isEqualTo("cpu");
    assertThat((double) cpu.get("energy_kwh")).isCloseTo(0.002, within(1e-15));
    assertThat((double) cpu.get("avg_power_w")).isEqualTo(36);
    assertThat(cpu.get("method")).isEqualTo("rapl");
    assertThat((double) cpu.get("uncertainty_pct")).isEqualTo(10);
    assertThat(object(components.get(1)).get("method")).isEqualTo("estimate");

    Map<String, Object> intensity = object(json.get("intensity"));
    assertThat((double) intensity.get("g_per_kwh")).isEqualTo(400);
    assertThat(intensity.get("zone")).isEqualTo("ES");
    assertThat((String) intensity.get("source")).contains("ES_2022_hourly.csv");
    assertThat(intensity.get("kind")).isEqualTo("series");

    Map<String, Object> machine = object(json.get("machine"));
    assertThat(machine.get("cpu_model")).isEqualTo("AMD EPYC 7763 64-Core Processor");
    assertThat((double) machine.get("cpu_cores")).isEqualTo(16);
    assertThat((double) machine.get("ram_gb")).isEqualTo(32);
    assertThat(machine.get("gpus")).isEqualTo(List.of("NVIDIA A100", "NVIDIA A100", "NVIDIA T4"));
    assertThat(machine.get("java_version")).isEqualTo("25.0.1+9");

    Map<String, Object> total = object(json.get("machine_total"));
    assertThat((double) total.get("energy_kwh")).isCloseTo((14400 + 720) / 3.6e6, within(1e-15));
  }

  @Test
  void aRunStillGoingHasNoExitCode() throws IOException {
    Path file = dir.resolve("run.json");
    SummaryJson.write(Runs.run(false), file);
    Map<String, Object> json = read(file);
    assertThat(json).containsEntry("exit_code", null).containsEntry("complete", false);
  }

  @Test
  void rewritingReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
    Path file = dir.resolve("run.json");
    Files.writeString(file, "{ \"old\": true, \"padding\": \"" + "x".repeat(10_000) + "\" }");
    SummaryJson.write(Runs.run(false), file);
    SummaryJson.write(Runs.run(true), file);
    assertThat(read(file)).containsEntry("exit_code", 0.0).doesNotContainKey("old");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }
}
