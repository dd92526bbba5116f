package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleRunCommandTest {
  @TempDir Path dir;

  /** A series of 2-second slots, dirty except for a clean stretch 6 to 20 seconds from now. */
  private Path series(Instant now) throws Exception {
    StringBuilder csv = new StringBuilder("time,g_per_kwh\n");
    for (int s = -4; s < 40; s += 2) {
      csv.append(now.plusSeconds(s)).append(',').append(s >= 6 && s < 20 ? 10 : 500).append('\n');
    }
    return Files.writeString(dir.resolve("forecast.csv"), csv);
  }

  @Test
  void waitsForTheCleanWindowThenRunsAndMeasures() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Path json = dir.resolve("run.json");
    String store = "jdbc:h2:file:" + dir.resolve("runs");
    Cli.Result r = Cli.inProcess("schedule", "run", "--series", series(now).toString(), "--zone", "ES",
        "--duration-estimate", "4s", "--deadline", now.plusSeconds(30).toString(), "--json", json.toString(),
        "--store", store, "--", "sh", "-c", "sleep 1");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode result = new ObjectMapper().readTree(json.toFile());
    assertThat(Instant.parse(result.at("/planned/start").asText())).isEqualTo(now.plusSeconds(6));
    assertThat(result.at("/planned/avg_intensity_g_per_kwh").asDouble()).isEqualTo(10);
    Instant ranFrom = Instant.parse(result.at("/actual/start").asText());
    assertThat(ranFrom).isAfterOrEqualTo(now.plusSeconds(6)).isBefore(now.plusSeconds(18)); // start-up takes a moment
    assertThat(result.at("/actual/avg_intensity_g_per_kwh").asDouble()).isLessThan(500);
    assertThat(result.at("/actual/savings_pct").asDouble()).isPositive();
    assertThat(r.err()).contains("best start " + now.plusSeconds(6)).contains("saved");

    // The scheduled run, with its window and the series it was planned on, and its measurement under it.
    try (io.lowcarb.track.RunStore runs = io.lowcarb.track.RunStore.open(store)) {
      var all = runs.list(new io.lowcarb.track.RunFilter(java.util.Optional.of(io.lowcarb.track.RunKind.SCHEDULED),
          java.util.Optional.empty(), java.util.Optional.empty(), 10));
      assertThat(all).hasSize(1);
      var run = all.getFirst();
      assertThat(result.get("run_id").asText()).isEqualTo(run.id());
      assertThat(run.parameters()).containsEntry("window_start", now.plusSeconds(6).toString());
      assertThat(run.footprint().orElseThrow().kwh()).isPositive();
      assertThat(run.footprint().orElseThrow().basis()).as("method and uncertainty from the measurement").isPresent();
      assertThat(run.metrics()).containsEntry("planned_intensity_g_per_kwh", 10.0);
      assertThat(runs.series(run.id()).get("intensity_g_per_kwh")).hasSize(22);
      var measured = runs.children(run.id());
      assertThat(measured).singleElement().satisfies(m -> {
        assertThat(m.kind()).isEqualTo(io.lowcarb.track.RunKind.MEASURE);
        assertThat(m.id()).isEqualTo(result.at("/actual/run_id").asText());
        assertThat(m.footprint().orElseThrow().kwh()).isEqualTo(run.footprint().orElseThrow().kwh());
        assertThat(runs.series(m.id())).containsKey("energy_kwh");
      });
      assertThat(io.lowcarb.track.RunTotals.of(runs.list(io.lowcarb.track.RunFilter.latest(10))).kwh())
          .as("the measurement is counted once, in its scheduled run").isEqualTo(run.footprint().orElseThrow().kwh());
    }
  }

  @Test
  void refusesADeadlineInThePastAndACommandWithoutDashes() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Path file = series(now);
    Cli.Result past = Cli.inProcess("schedule", "run", "--series", file.toString(), "--duration-estimate", "2s",
        "--deadline", now.minusSeconds(60).toString(), "--", "true");
    assertThat(past.exit()).isEqualTo(2);
    assertThat(past.err()).startsWith("schedule run: the deadline").contains("is in the past");
    Cli.Result noDashes = Cli.inProcess("schedule", "run", "--series", file.toString(), "--duration-estimate", "2s",
        "--deadline", now.plusSeconds(30).toString());
    assertThat(noDashes.exit()).isEqualTo(2);
    assertThat(noDashes.err()).contains("after '--'");
  }

  @Test
  void anInterruptibleRunIsPausedBetweenItsCleanStretches() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    StringBuilder csv = new StringBuilder("time,g_per_kwh\n");
    for (int s = -4; s < 40; s += 2) {
      csv.append(now.plusSeconds(s)).append(',').append(s == 6 || s == 8 || s == 14 || s == 16 ? 10 : 500).append('\n');
    }
    Path file = Files.writeString(dir.resolve("gappy.csv"), csv);
    Path ticks = dir.resolve("ticks");
    Path json = dir.resolve("run.json");
    // A command that notes the time every 200 ms, for 6 s of its own running.
    Cli.Result r = Cli.inProcess("schedule", "run", "--series", file.toString(), "--zone", "ES",
        "--duration-estimate", "8s", "--deadline", now.plusSeconds(30).toString(), "--interruptible",
        "--min-chunk", "4s", "--json", json.toString(),
        "--", "sh", "-c", "for i in $(seq 30); do date +%s >> " + ticks + "; sleep 0.2; done");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("paused until " + now.plusSeconds(14)).contains("resumed until " + now.plusSeconds(18));
    // No tick while paused (between 10 s and 14 s after now, with a second of slack either side).
    long from = now.plusSeconds(11).getEpochSecond();
    long to = now.plusSeconds(13).getEpochSecond();
    assertThat(Files.readAllLines(ticks).stream().mapToLong(Long::parseLong).filter(t -> t >= from && t <= to)).isEmpty();
    assertThat(Files.readAllLines(ticks)).hasSize(30);
  }
}
