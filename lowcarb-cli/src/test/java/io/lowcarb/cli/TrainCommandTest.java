package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lowcarb train} and {@code lowcarb datasets} as a user runs them. */
class TrainCommandTest {
  @TempDir Path dir;

  private static void assertUsageError(Cli.Result r, String expected) {
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains(expected).doesNotContain("Exception");
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    assertUsageError(Cli.inProcess("train", "--dataset", "imagenet"), "unknown dataset 'imagenet'");
    Path csv = dir.resolve("d.csv");
    Files.writeString(csv, "x,y\n1,2\n");
    assertUsageError(Cli.inProcess("train", "--dataset", csv.toString()), "has no column 'label'");
    Path spec = dir.resolve("spec.json");
    Files.writeString(spec, "{\"layers\": [{\"type\": \"flatten\"}, {\"type\": \"attention\"}]}");
    assertUsageError(Cli.inProcess("train", "--model", spec.toString()), "layer 1 has unknown type 'attention'");
    assertUsageError(Cli.inProcess("train", "--model", "mlp:0"), "--model mlp:UNITS needs a positive number of hidden units, got 'mlp:0'");
    assertUsageError(Cli.inProcess("train", "--max-co2", "20 tons"), "--max-co2");
    assertUsageError(Cli.inProcess("train", "--max-energy", "lots"), "--max-energy");
    assertUsageError(Cli.inProcess("train", "--max-energy", "1J", "--budget-on", "median"),
        "--budget-on must be upper or point, got 'median'");
    assertUsageError(Cli.inProcess("train", "--target-accuracy", "1.5"), "--target-accuracy");
    assertUsageError(Cli.inProcess("train", "--lr-decay", "2"), "--lr-decay must be in (0, 1]");
    assertUsageError(Cli.inProcess("train", "--classes", "5-12"), "--classes");
    assertUsageError(Cli.inProcess("datasets", "fetch", "cifar"), "unknown dataset 'cifar'");
  }

  @Test
  void aDatasetNotFetchedNamesTheCommandThatFetchesIt() throws Exception {
    ProcessBuilder p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "train", "--dataset", "mnist").redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile());
    p.environment().put("LOWCARB_CACHE", dir.resolve("empty-cache").toString());
    Process run = p.start();
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("log"))).contains("run 'lowcarb datasets fetch mnist'");
  }

  @Test
  void trainsTheDigitsAndWritesTheJsonContract() throws Exception {
    Path json = dir.resolve("train.json");
    Process p = Cli.spawn(dir.resolve("log"), "train", "--dataset", "digits", "--model", "mlp", "--epochs", "20",
        "--target-accuracy", "0.97", "--out", dir.resolve("out").toString(), "--json", json.toString(), "--zone", "ES");
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("log"))).isZero();
    JsonNode r = new ObjectMapper().readTree(json.toFile());
    assertThat(r.get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.95);
    assertThat(r.get("epochs_run").asInt()).isBetween(1, 20).isEqualTo(r.get("epochs").size());
    assertThat(r.get("energy_kwh").asDouble()).isPositive();
    assertThat(r.get("emissions_kg").asDouble()).isPositive();
    assertThat(r.get("duration_s").asDouble()).isPositive();
    assertThat(r.get("predicted_energy_kwh").asDouble()).isPositive();
    assertThat(r.get("stopped_because").asText()).isIn("target-accuracy", "epochs");
    assertThat(Path.of(r.get("checkpoint").asText())).exists();
    JsonNode first = r.get("epochs").get(0);
    for (String field : new String[] {"loss", "validation_accuracy", "energy_kwh", "emissions_g", "samples_per_s"}) {
      assertThat(first.get(field).asDouble()).as(field).isPositive();
    }
    assertThat(Files.readString(dir.resolve("log"))).contains("predicted for 20 epochs");
    // The prediction after epoch 1 at the top, the one after each epoch with the epoch: each with its interval.
    assertPrediction(r, 1);
    for (int i = 0; i < r.get("epochs").size(); i++) {
      assertPrediction(r.get("epochs").get(i), i + 1);
    }
    assertThat(r.get("predicted_energy_kwh").asDouble()).isEqualTo(first.get("predicted_energy_kwh").asDouble());
  }

  private static void assertPrediction(JsonNode r, int afterEpoch) {
    assertThat(r.get("prediction_after_epoch").asInt()).isEqualTo(afterEpoch);
    for (String[] f : new String[][] {{"predicted_energy_kwh", "predicted_energy_interval_kwh"},
        {"predicted_emissions_kg", "predicted_emissions_interval_kg"}, {"predicted_duration_s", "predicted_duration_interval_s"}}) {
      double point = r.get(f[0]).asDouble();
      JsonNode interval = r.get(f[1]);
      assertThat(point).as(f[0]).isPositive();
      assertThat(interval.size()).as(f[1]).isEqualTo(2);
      assertThat(interval.get(0).asDouble()).as(f[1]).isBetween(0.0, point);
      assertThat(interval.get(1).asDouble()).as(f[1]).isGreaterThanOrEqualTo(point);
    }
    // The meter is never exact (RAPL, NVML or an estimate): its uncertainty widens the energy interval.
    assertThat(r.get("prediction_meter_uncertainty_pct").asDouble()).isPositive();
    assertThat(r.get("predicted_energy_interval_kwh").get(1).asDouble()).isGreaterThan(r.get("predicted_energy_kwh").asDouble());
  }
}
