package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lowcarb.energy.report.CodeCarbonCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lowcarb measure} run as a user runs it: its own JVM, a real command. */
class MeasureCommandTest {
  @TempDir Path dir;

  private int run(String... args) throws Exception {
    Process p = Cli.spawn(dir.resolve("log.txt"), args);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
    return p.exitValue();
  }

  @Test
  void sleepTwoWritesTheJsonContract() throws Exception {
    Path json = dir.resolve("out.json");
    assertThat(run("measure", "--json", json.toString(), "--zone", "ES", "--", "sleep", "2")).isZero();

    JsonNode s = new ObjectMapper().readTree(json.toFile());
    assertThat(s.get("run_id").asText()).hasSize(36);
    assertThat(s.get("command").toString()).isEqualTo("[\"sleep\",\"2\"]");
    assertThat(s.get("exit_code").asInt()).isZero();
    assertThat(s.get("complete").asBoolean()).isTrue();
    assertThat(s.get("duration_s").asDouble()).isBetween(2.0, 3.0);
    assertThat(s.get("energy_kwh").asDouble()).isPositive();
    assertThat(s.get("emissions_kg").asDouble()).isPositive();
    assertThat(s.get("pue").asDouble()).isEqualTo(1.0);
    assertThat(s.get("components")).isNotEmpty();
    for (JsonNode c : s.get("components")) {
      assertThat(c.get("name").asText()).isIn("cpu", "gpu", "ram");
      assertThat(c.get("method").asText()).isIn("rapl", "nvml", "estimate", "override");
      assertThat(c.get("uncertainty_pct").asDouble()).isPositive();
      assertThat(c.has("energy_kwh") && c.has("avg_power_w")).isTrue();
    }
    JsonNode intensity = s.get("intensity");
    assertThat(intensity.get("zone").asText()).isEqualTo("ES");
    assertThat(intensity.get("kind").asText()).isEqualTo("annual-average");
    assertThat(intensity.get("source").asText()).contains("Our World in Data");
    assertThat(intensity.get("g_per_kwh").asDouble()).isBetween(50.0, 500.0);
    JsonNode machine = s.get("machine");
    assertThat(machine.get("cpu_cores").asInt()).isPositive();
    assertThat(machine.get("ram_gb").asDouble()).isPositive();
    assertThat(machine.has("cpu_model") && machine.has("gpus")).isTrue();
    // emissions = energy x intensity x PUE
    assertThat(s.get("emissions_kg").asDouble() * 1000)
        .isCloseTo(s.get("energy_kwh").asDouble() * intensity.get("g_per_kwh").asDouble(),
            org.assertj.core.data.Percentage.withPercentage(1e-6));
  }

  @Test
  void csvHasCodeCarbonsHeaderExactly() throws Exception {
    Path csv = dir.resolve("e.csv");
    assertThat(run("measure", "--csv", csv.toString(), "--", "true")).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.getFirst()).isEqualTo(
        "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,"
            + "ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,"
            + "country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,"
            + "cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,"
            + "cpu_utilization_percent,gpu_utilization_percent,ram_utilization_percent,ram_used_gb,on_cloud,pue,wue,"
            + "energy_method,uncertainty_pct");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1).split(",", -1)).hasSize(CodeCarbonCsv.COLUMNS.size());
    assertThat(lines.get(1).split(",", -1)[30]).isEqualTo("process");
  }

  @Test
  void aSecondRunAppendsItsOwnRow() throws Exception {
    Path csv = dir.resolve("e.csv");
    assertThat(run("measure", "--csv", csv.toString(), "--", "true")).isZero();
    assertThat(run("measure", "--csv", csv.toString(), "--zone", "aws:eu-west-1", "--", "true")).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(3);
    String[] cloud = lines.get(2).split(",", -1);
    assertThat(cloud[18]).isEqualTo("aws");
    assertThat(cloud[19]).isEqualTo("eu-west-1");
    assertThat(cloud[35]).isEqualTo("Y");
    assertThat(cloud[36]).isEqualTo("1.2"); // the region's PUE
  }

  @Test
  void exitsWithTheCommandsStatus() throws Exception {
    assertThat(run("measure", "--", "sh", "-c", "exit 3")).isEqualTo(3);
  }

  @Test
  void exits127WhenTheCommandCannotStart() throws Exception {
    Path csv = dir.resolve("e.csv");
    assertThat(run("measure", "--csv", csv.toString(), "--", "/no/such/program")).isEqualTo(127);
    assertThat(Files.readString(dir.resolve("log.txt"))).contains("cannot start '/no/such/program'");
    assertThat(csv).as("no row for a command that never ran").doesNotExist();
  }

  @Test
  void busyCommandGetsCpuEnergyAttributed() throws Exception {
    Path json = dir.resolve("busy.json");
    assertThat(run("measure", "--json", json.toString(), "--interval", "200ms", "--", "sh", "-c",
        "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done")).isZero();
    JsonNode s = new ObjectMapper().readTree(json.toFile());
    JsonNode cpu = s.get("components").get(0);
    assertThat(cpu.get("name").asText()).isEqualTo("cpu");
    assertThat(cpu.get("energy_kwh").asDouble()).isPositive();
    double machineCpu = s.get("machine_total").get("components").get(0).get("energy_kwh").asDouble();
    assertThat(cpu.get("energy_kwh").asDouble()).isLessThanOrEqualTo(machineCpu);
  }
}
