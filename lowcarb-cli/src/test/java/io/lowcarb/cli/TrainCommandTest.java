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
    assertThat(r.get("predicted_energy_kwh").asDouble()).isPositive();
    assertThat(r.get("stopped_because").asText()).isIn("target-accuracy", "epochs");
    assertThat(Path.of(r.get("checkpoint").asText())).exists();
    JsonNode first = r.get("epochs").get(0);
    for (String field : new String[] {"loss", "validation_accuracy", "energy_kwh", "emissions_g", "samples_per_s"}) {
      assertThat(first.get(field).asDouble()).as(field).isPositive();
    }
    assertThat(Files.readString(dir.resolve("log"))).contains("predicted for 20 epochs");
  }
}
