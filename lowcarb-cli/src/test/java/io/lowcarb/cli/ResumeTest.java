package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training killed with SIGKILL continues from its last checkpoint with --resume; its ledger adds up. */
class ResumeTest {
  @TempDir Path dir;

  private JsonNode ledger(Path out) throws Exception {
    return new ObjectMapper().readTree(out.resolve("ledger.json").toFile());
  }

  @Test
  void aKilledTrainingResumesWithoutCountingTwice() throws Exception {
    Path out = dir.resolve("out");
    String[] train = {"train", "--epochs", "12", "--batch-size", "4", "--out", out.toString(), "--zone", "ES"};
    Process first = Cli.spawn(dir.resolve("first.log"), train);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (!(Files.exists(out.resolve("ledger.json")) && ledger(out).get("epochs").size() >= 2)) {
      assertThat(System.nanoTime()).as("two epochs done").isLessThan(deadline);
      assertThat(first.isAlive()).as("still training").isTrue();
      Thread.sleep(100);
    }
    first.destroyForcibly(); // SIGKILL, mid-epoch
    assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
    JsonNode killed = ledger(out);
    int done = killed.get("epochs").size();
    double firstSession = killed.get("sessions").get(0).get("energy_kwh").asDouble();
    assertThat(killed.get("sessions").get(0).get("complete").asBoolean()).isFalse();
    assertThat(firstSession).isPositive();

    Path json = dir.resolve("result.json");
    String[] resume = java.util.stream.Stream.concat(java.util.Arrays.stream(train),
        java.util.stream.Stream.of("--resume", "--json", json.toString())).toArray(String[]::new);
    Process second = Cli.spawn(dir.resolve("second.log"), resume);
    assertThat(second.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();

    JsonNode r = new ObjectMapper().readTree(json.toFile());
    assertThat(r.get("epochs_run").asInt()).isEqualTo(12);
    assertThat(r.get("epochs").get(done).get("epoch").asInt()).as("continues after the last checkpoint").isEqualTo(done + 1);
    assertThat(r.get("sessions").asInt()).isEqualTo(2);
    // the whole training = the killed session (up to its last flush) + the resumed one
    assertThat(r.get("energy_kwh").asDouble()).isCloseTo(
        firstSession + r.get("session_energy_kwh").asDouble(), org.assertj.core.data.Percentage.withPercentage(1e-6));
    // The weights were loaded, not started afresh: the first resumed epoch learns from where epoch 1 had got to.
    assertThat(r.get("epochs").get(done).get("loss").asDouble()).isLessThan(r.get("epochs").get(0).get("loss").asDouble());
    assertThat(r.get("accuracy").asDouble()).isGreaterThan(0.9);
  }

  @Test
  void resumeNeedsAnEarlierTraining() {
    Cli.Result r = Cli.inProcess("train", "--resume", "--out", dir.resolve("nothing").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("nothing to resume");
  }
}
