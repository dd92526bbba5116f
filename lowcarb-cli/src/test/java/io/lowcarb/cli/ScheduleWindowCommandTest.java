package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.SeriesFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleWindowCommandTest {
  static final Path ES_2023 = Path.of("../../shared/data/carbon-intensity/ES_2023_hourly.csv");
  static final Path NO_2023 = Path.of("../../shared/data/carbon-intensity/NO_2023_hourly.csv");

  @TempDir Path dir;

  /** Windows on the real ES 2023 trace against trying every whole-minute start. */
  @Test
  void findsTheTrueOptimumOnTheSpanishTrace() throws Exception {
    Assumptions.assumeTrue(Files.exists(ES_2023), "the shared traces are beside the project");
    List<IntensityPoint> points = SeriesFiles.read(ES_2023, SeriesFiles.Basis.LCA).points();
    Instant yearStart = points.getFirst().start();
    Random random = new Random(7);
    for (int trial = 0; trial < 12; trial++) {
      int earliestMinute = random.nextInt(360 * 24 * 60);
      int windowMinutes = 60 + random.nextInt(72 * 60);
      int durationMinutes = 1 + random.nextInt(Math.min(windowMinutes, 12 * 60));
      Instant earliest = yearStart.plus(Duration.ofMinutes(earliestMinute));
      Instant deadline = earliest.plus(Duration.ofMinutes(windowMinutes));
      Path json = dir.resolve("w" + trial + ".json");
      Cli.Result r = Cli.inProcess("schedule", "window", "--series", ES_2023.toString(),
          "--duration", durationMinutes + "m", "--earliest", earliest.toString(), "--deadline", deadline.toString(),
          "--json", json.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode plan = new ObjectMapper().readTree(json.toFile());

      double best = Double.POSITIVE_INFINITY;
      for (int t = earliestMinute; t + durationMinutes <= earliestMinute + windowMinutes; t++) {
        best = Math.min(best, meanOverMinutes(points, t, durationMinutes));
      }
      assertThat(plan.get("avg_intensity_g_per_kwh").asDouble()).isCloseTo(best, within(1e-6));
      int start = (int) Duration.between(yearStart, Instant.parse(plan.get("start").asText())).toMinutes();
      assertThat(meanOverMinutes(points, start, durationMinutes)).isCloseTo(best, within(1e-6));
      assertThat(plan.get("run_now_avg_intensity_g_per_kwh").asDouble())
          .isCloseTo(meanOverMinutes(points, earliestMinute, durationMinutes), within(1e-6));
    }
  }

  private static double meanOverMinutes(List<IntensityPoint> hourly, int fromMinute, int minutes) {
    double sum = 0;
    for (int m = fromMinute; m < fromMinute + minutes; m++) {
      sum += hourly.get(m / 60).gPerKwh();
    }
    return sum / minutes;
  }

  @Test
  void printsThePlanAndRanksZones() throws Exception {
    Assumptions.assumeTrue(Files.exists(ES_2023) && Files.exists(NO_2023), "the shared traces are beside the project");
    Path json = dir.resolve("places.json");
    Cli.Result r = Cli.inProcess("schedule", "window", "--series", ES_2023.toString(), "--series", NO_2023.toString(),
        "--duration", "3h", "--earliest", "2023-06-01T00:00Z", "--deadline", "2023-06-02T00:00+00:00",
        "--interruptible", "--json", json.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("best:").contains("saving:").contains("against running at once in ES");
    JsonNode plan = new ObjectMapper().readTree(json.toFile());
    assertThat(plan.get("zone").asText()).isEqualTo("ES");
    assertThat(plan.get("interruptible").asBoolean()).isTrue();
    assertThat(plan.get("places")).hasSize(2);
    assertThat(plan.get("places").get(0).get("zone").asText()).isEqualTo("NO");
    assertThat(plan.get("savings_pct").asDouble()).isPositive();
  }

  @Test
  void badInputGetsOneLineAndExitTwo() throws Exception {
    Path nan = Files.writeString(dir.resolve("nan.csv"),
        "time,g_per_kwh\n2023-01-01T01:00Z,100\n2023-01-01T00:00Z,NaN\n");
    Path gap = Files.writeString(dir.resolve("gap.csv"),
        "time,g_per_kwh\n2023-01-01T00:00Z,100\n2023-01-01T01:00Z,100\n2023-01-01T09:00Z,200\n2023-01-01T10:00Z,200\n");
    Path ok = Files.writeString(dir.resolve("ok.csv"),
        "time,g_per_kwh\n2023-01-01T00:00Z,100\n2023-01-01T01:00Z,50\n2023-01-01T02:00Z,80\n");
    String[][] cases = {
      {"--series", nan.toString(), "--duration", "1h", "--earliest", "2023-01-01T00:00Z", "--deadline", "2023-01-01T02:00Z"},
      {"--series", gap.toString(), "--duration", "3h", "--earliest", "2023-01-01T00:00Z", "--deadline", "2023-01-01T11:00Z"},
      {"--series", ok.toString(), "--duration", "4h", "--earliest", "2023-01-01T00:00Z", "--deadline", "2023-01-01T03:00Z"},
      {"--series", ok.toString(), "--duration", "1h", "--earliest", "2023-01-01T02:00Z", "--deadline", "2023-01-01T01:00Z"},
      {"--series", ok.toString(), "--duration", "1h", "--earliest", "2023-01-01T00:00Z", "--deadline", "2023-01-02T00:00Z"},
      {"--series", ok.toString(), "--duration", "1h", "--earliest", "2023-01-01", "--deadline", "2023-01-01T03:00Z"},
      {"--series", dir.resolve("missing.csv").toString(), "--duration", "1h", "--deadline", "2023-01-01T03:00Z"},
      {"--series", ok.toString(), "--duration", "1h", "--earliest", "2023-01-01T00:00Z", "--deadline", "2023-01-01T03:00Z",
        "--min-chunk", "2h"},
    };
    String[] expected = {"nan.csv:3: 'NaN' is not an intensity",
        "overlaps a gap in the intensity series (no values from 2023-01-01T02:00:00Z to 2023-01-01T09:00:00Z)",
        "longer than the window",
        "not after", "covers", "not an ISO-8601 time", "cannot read series file", "need --interruptible"};
    for (int i = 0; i < cases.length; i++) {
      String[] args = new String[cases[i].length + 2];
      args[0] = "schedule";
      args[1] = "window";
      System.arraycopy(cases[i], 0, args, 2, cases[i].length);
      Cli.Result r = Cli.inProcess(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", args)).startsWith("schedule window: ").contains(expected[i]);
      assertThat(r.err().strip().lines()).hasSize(1);
    }
    Cli.Result r = Cli.inProcess("schedule", "window", "--series", ok.toString(), "--duration", "1h",
        "--earliest", "2023-01-01T00:00Z", "--deadline", "2023-01-01T03:00Z");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("2023-01-01T01:00:00Z to 2023-01-01T02:00:00Z, 50.0 gCO2e/kWh");
  }
}
