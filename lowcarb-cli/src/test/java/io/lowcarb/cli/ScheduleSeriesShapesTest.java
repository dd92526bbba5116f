package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lowcarb.energy.carbon.IntensitySeries;
import io.lowcarb.energy.carbon.SeriesFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schedule window} on series files as they really come: mixed resolutions, gaps, local times. */
class ScheduleSeriesShapesTest {
  @TempDir Path dir;

  private UglyGbTrace trace;
  private Path ugly;

  @BeforeEach
  void writeTheUglyTrace() throws Exception {
    trace = new UglyGbTrace();
    ugly = trace.write(dir.resolve("GB_2020_ugly.csv"));
  }

  private static List<String> lines(String text, String containing) {
    return text.lines().filter(l -> l.contains(containing)).toList();
  }

  @Test
  void theUglyTraceReadsAsTheTraceItIs() throws Exception {
    IntensitySeries s = SeriesFiles.read(ugly, SeriesFiles.Options.defaults());
    assertThat(s.zone()).isEqualTo("GB");
    assertThat(s.points()).hasSize(trace.rows().size());
    for (int i = 0; i < s.points().size(); i += 97) {
      assertThat(s.points().get(i).start()).isEqualTo(trace.rows().get(i).time());
      assertThat(s.points().get(i).gPerKwh()).isEqualTo(trace.rows().get(i).value());
    }
    assertThat(s.gaps()).extracting(g -> g.start()).containsExactly(
        UglyGbTrace.GAPS.get(0)[0], UglyGbTrace.GAPS.get(1)[0], UglyGbTrace.GAPS.get(2)[0]);
    assertThat(s.gaps()).extracting(g -> g.end()).containsExactly(
        UglyGbTrace.GAPS.get(0)[1], UglyGbTrace.GAPS.get(1)[1], UglyGbTrace.GAPS.get(2)[1]);
    assertThat(s.notes()).hasSize(2);
    assertThat(s.notes().get(1)).startsWith(UglyGbTrace.REPEATS + " rows repeat the time of another");
    assertThat(s.end()).isEqualTo(UglyGbTrace.END);
  }

  @Test
  void aYearOfTheUglyTracePlansAroundItsGapsWithOneSummaryLine() throws Exception {
    Path json = dir.resolve("plan.json");
    int minutes = 240;
    Cli.Result r = Cli.inProcess("schedule", "window", "--series", ugly.toString(), "--duration", minutes + "m",
        "--earliest", "2020-01-01T00:00Z", "--deadline", "2021-01-01T00:00Z", "--json", json.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines().count()).as(r.out()).isLessThan(12);
    assertThat(lines(r.out(), "gap")).as(r.out()).containsExactly("schedule: note: 3 gaps in the series, 14h in all,"
        + " largest 6h from 2020-03-10T06:00:00Z to 2020-03-10T12:00:00Z; no job is planned into a gap");
    assertThat(r.out()).doesNotContain("interpolation");
    assertThat(lines(r.out(), "out of time order")).hasSize(1);
    assertThat(lines(r.out(), "repeat the time")).hasSize(1);

    // The optimum by brute force over every whole-minute start that keeps clear of the gaps.
    Instant start = UglyGbTrace.START;
    int n = (int) Duration.between(start, UglyGbTrace.END).toMinutes();
    double[] prefix = new double[n + 1];
    for (int m = 0; m < n; m++) {
      prefix[m + 1] = prefix[m] + trace.at(start.plus(Duration.ofMinutes(m)));
    }
    double best = Double.POSITIVE_INFINITY;
    double anywhere = Double.POSITIVE_INFINITY;
    for (int m = 0; m + minutes <= n; m++) {
      double mean = (prefix[m + minutes] - prefix[m]) / minutes;
      anywhere = Math.min(anywhere, mean);
      Instant a = start.plus(Duration.ofMinutes(m));
      if (!UglyGbTrace.overlapsGap(a, a.plus(Duration.ofMinutes(minutes)))) {
        best = Math.min(best, mean);
      }
    }
    assertThat(anywhere).as("the held value in the first gap tempts").isLessThan(best - 10);

    JsonNode plan = new ObjectMapper().readTree(json.toFile());
    assertThat(plan.get("avg_intensity_g_per_kwh").asDouble()).isCloseTo(best, within(1e-6));
    Instant planned = Instant.parse(plan.get("start").asText());
    assertThat(UglyGbTrace.overlapsGap(planned, planned.plus(Duration.ofMinutes(minutes)))).isFalse();
    assertThat(plan.get("gaps")).hasSize(3);
    assertThat(plan.get("gaps").get(0).get("duration_s").asLong()).isEqualTo(6 * 3600);
    assertThat(plan.get("gaps_total").asInt()).isEqualTo(3);
    assertThat(plan.get("gaps_duration_s").asLong()).isEqualTo(14 * 3600);
    assertThat(plan.get("notes")).hasSize(2);
    assertThat(plan.has("filled_gaps")).isFalse();
  }

  @Test
  void onlyTheGapsInsideTheHorizonAreReported() throws Exception {
    Path json = dir.resolve("march.json");
    Cli.Result r = Cli.inProcess("schedule", "window", "--series", ugly.toString(), "--duration", "3h",
        "--earliest", "2020-03-09T00:00Z", "--deadline", "2020-03-12T00:00Z", "--json", json.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(lines(r.out(), "gap")).containsExactly("schedule: note: 1 gap in the series, 6h from"
        + " 2020-03-10T06:00:00Z to 2020-03-10T12:00:00Z; no job is planned into a gap");
    assertThat(new ObjectMapper().readTree(json.toFile()).get("gaps_total").asInt()).isEqualTo(1);

    Cli.Result clear = Cli.inProcess("schedule", "window", "--series", ugly.toString(), "--duration", "3h",
        "--earliest", "2020-06-01T00:00Z", "--deadline", "2020-06-03T00:00Z");
    assertThat(clear.exit()).as(clear.err()).isZero();
    assertThat(lines(clear.out(), "gap")).isEmpty();
  }

  @Test
  void runningAtOnceOverAGapIsSaidSo() {
    Cli.Result r = Cli.inProcess("schedule", "window", "--series", ugly.toString(), "--duration", "2h",
        "--earliest", "2020-03-10T07:00Z", "--deadline", "2020-03-11T00:00Z");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(lines(r.out(), "at once:")).singleElement().asString().contains("over a gap");
    Instant start = Instant.parse(lines(r.out(), "best:").getFirst().split("\\s+")[1]);
    assertThat(start).isAfterOrEqualTo(Instant.parse("2020-03-10T12:00:00Z"));
  }

  @Test
  void theForecastOfAHalfHourlySeriesIsHalfHourly() throws Exception {
    StringBuilder csv = new StringBuilder("time,g_per_kwh\n");
    Instant t0 = Instant.parse("2020-01-01T00:00:00Z");
    int periods = 48 * 28;
    for (int i = 0; i < periods; i++) {
      double v = 200 + 60 * Math.sin(2 * Math.PI * i / 48) + (i % 336 >= 240 ? -30 : 0);
      csv.append(t0.plus(Duration.ofMinutes(30L * i))).append(',').append(String.format(Locale.ROOT, "%.2f", v)).append('\n');
    }
    Path half = Files.writeString(dir.resolve("half-hourly.csv"), csv);
    Instant end = t0.plus(Duration.ofMinutes(30L * periods));
    Path json = dir.resolve("forecast.json");
    Cli.Result r = Cli.inProcess("schedule", "window", "--series", half.toString(), "--forecast", "--duration", "90m",
        "--earliest", end.toString(), "--deadline", end.plus(Duration.ofHours(24)).toString(), "--json", json.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Holt-Winters forecast from " + end).contains("30m steps");
    JsonNode plan = new ObjectMapper().readTree(json.toFile());
    Instant start = Instant.parse(plan.get("start").asText());
    assertThat(Duration.between(end, start).toMinutes() % 30).isZero();
    // The trough of the half-hourly sine is at period 36 of each day (18:00): a 90 minute job centres on it.
    assertThat(start).isBetween(end.plus(Duration.ofHours(16)), end.plus(Duration.ofHours(18)));

    // And the ugly year, quarter-hourly at its end, gets a quarter-hourly forecast.
    Cli.Result gb = Cli.inProcess("schedule", "window", "--series", ugly.toString(), "--forecast", "--duration", "1h",
        "--earliest", "2020-12-31T12:00Z", "--deadline", "2021-01-01T12:00Z");
    assertThat(gb.exit()).as(gb.err()).isZero();
    assertThat(gb.out()).contains("15m steps");
  }

  @Test
  void localTimesReadInTheZoneGivenAcrossADaylightSavingChange() throws Exception {
    StringBuilder csv = new StringBuilder("time,g_per_kwh\n");
    for (int h = 0; h < 24; h++) { // Madrid, 2024-03-31: 02:00 does not exist; cleanest at 03:00 local = 01:00Z
      if (h != 2) {
        csv.append(String.format(Locale.ROOT, "2024-03-31 %02d:00,%d%n", h, h == 3 ? 10 : 300));
      }
    }
    csv.append("2024-04-01 00:00,300\n");
    Path local = Files.writeString(dir.resolve("madrid.csv"), csv);
    Cli.Result r = Cli.inProcess("schedule", "window", "--series", local.toString(), "--timezone", "Europe/Madrid",
        "--duration", "1h", "--earliest", "2024-03-30T23:00Z", "--deadline", "2024-03-31T22:00Z");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("best:     2024-03-31T01:00:00Z to 2024-03-31T02:00:00Z, 10.0 gCO2e/kWh");
    Cli.assertUsageError(Cli.inProcess("schedule", "window", "--series", local.toString(), "--timezone", "Mars/Base",
        "--duration", "1h", "--deadline", "2024-03-31T22:00Z"), "--timezone: unknown zone 'Mars/Base'");
  }

  @Test
  void linearInterpolationOnlyOnRequest() throws Exception {
    Path f = Files.writeString(dir.resolve("two.csv"),
        "time,g_per_kwh\n2024-01-01T00:00Z,100\n2024-01-01T01:00Z,300\n2024-01-01T02:00Z,300\n");
    String[] args = {"schedule", "window", "--series", f.toString(), "--duration", "1h", "--earliest", "2024-01-01T00:00Z",
        "--deadline", "2024-01-01T03:00Z"};
    Cli.Result step = Cli.inProcess(args);
    assertThat(step.out()).contains("best:     2024-01-01T00:00:00Z to 2024-01-01T01:00:00Z, 100.0 gCO2e/kWh");
    String[] linearArgs = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
        java.util.stream.Stream.of("--interpolate", "linear")).toArray(String[]::new);
    Cli.Result linear = Cli.inProcess(linearArgs);
    assertThat(linear.exit()).as(linear.err()).isZero();
    assertThat(linear.out()).contains("best:     2024-01-01T00:00:00Z to 2024-01-01T01:00:00Z, 200.0 gCO2e/kWh");
    String[] badArgs = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
        java.util.stream.Stream.of("--interpolate", "cubic")).toArray(String[]::new);
    Cli.assertUsageError(Cli.inProcess(badArgs), "--interpolate must be step or linear");
  }

  @Test
  void badSeriesFilesAreOneLineNamingFileAndLine() throws Exception {
    Path nan = Files.writeString(dir.resolve("nan.csv"), "time,g_per_kwh\n2024-01-01T00:00Z,100\n2024-01-01T01:00Z,NaN\n");
    Path one = Files.writeString(dir.resolve("one.csv"), "time,g_per_kwh\n2024-01-01T00:00Z,100\n");
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    String[][] cases = {{nan.toString(), "nan.csv:3: 'NaN' is not an intensity"},
      {one.toString(), "one.csv:2: only one value"}, {empty.toString(), "empty.csv: the file is empty"}};
    for (String[] c : cases) {
      Cli.Result r = Cli.inProcess("schedule", "window", "--series", c[0], "--duration", "1h",
          "--earliest", "2024-01-01T00:00Z", "--deadline", "2024-01-01T02:00Z");
      Cli.assertUsageError(r, c[1]);
    }
    Cli.assertUsageError(Cli.inProcess("measure", "--series", nan.toString(), "--", "true"), "nan.csv:3:");

    StringBuilder aroundNow = new StringBuilder("time,g_per_kwh\n");
    Instant hour = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    for (int h = -10; h <= 10; h++) {
      if (Math.abs(h) > 3) { // no rows from 3 hours ago to 3 hours ahead: 4 hours ago holds until 3 hours ago
        aroundNow.append(hour.plus(Duration.ofHours(h))).append(",100\n");
      }
    }
    Path gapNow = Files.writeString(dir.resolve("gap-now.csv"), aroundNow);
    Cli.assertUsageError(Cli.inProcess("measure", "--series", gapNow.toString(), "--", "true"),
        "gap-now.csv has a gap from " + hour.minus(Duration.ofHours(3)) + " to " + hour.plus(Duration.ofHours(4)));
  }

  @Test
  void theJsonListsTwentyGapsAndCountsThemAll() throws Exception {
    StringBuilder csv = new StringBuilder("time,g_per_kwh\n");
    Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
    for (int h = 0; h < 25 * 8; h++) {
      if (h % 8 < 4) { // four rows an hour apart, then none for four hours: a gap of four hours after each block
        csv.append(t0.plus(Duration.ofHours(h))).append(',').append(100 + h % 8).append('\n');
      }
    }
    Path f = Files.writeString(dir.resolve("holes.csv"), csv);
    Path json = dir.resolve("holes.json");
    Cli.Result r = Cli.inProcess("schedule", "window", "--series", f.toString(), "--duration", "2h",
        "--earliest", "2024-01-01T00:00Z", "--deadline", "2024-01-09T04:00Z", "--json", json.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(lines(r.out(), "gap")).containsExactly("schedule: note: 24 gaps in the series, 96h in all, largest 4h"
        + " from 2024-01-01T04:00:00Z to 2024-01-01T08:00:00Z; no job is planned into a gap");
    JsonNode plan = new ObjectMapper().readTree(json.toFile());
    assertThat(plan.get("gaps")).hasSize(20);
    assertThat(plan.get("gaps_total").asInt()).isEqualTo(24);
    assertThat(plan.get("gaps_duration_s").asLong()).isEqualTo(96 * 3600);
    assertThat(plan.get("start").asText()).isEqualTo("2024-01-01T00:00:00Z");
  }
}
