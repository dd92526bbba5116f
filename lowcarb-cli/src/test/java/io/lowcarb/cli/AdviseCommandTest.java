package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdviseCommandTest {
  @TempDir Path dir;

  /**
   * The parts of {@code lowcarb train --json} that advice reads, from a digits run on this kind of
   * machine, whose energy was estimated (no readable RAPL) at 30 %.
   */
  private Path trainJson(double kwh) throws Exception {
    return trainJson(kwh, "\"energy_method\":\"estimated\",\"uncertainty_pct\":30,", "", "");
  }

  /** A train JSON with {@code top} before its intensity, and {@code first} and {@code second} in its epochs. */
  private Path trainJson(double kwh, String top, String first, String second) throws Exception {
    Path file = dir.resolve("train.json");
    Files.writeString(file, """
        {"dataset":"digits","model":"mlp","epochs_run":2,"energy_kwh":%s,%s
         "intensity":{"g_per_kwh":174.05,"zone":"ES"},
         "epochs":[{"epoch":1,"seconds":1.4,"energy_kwh":%s%s},{"epoch":2,"seconds":0.8,"energy_kwh":%s%s}]}
        """.formatted(kwh, top, kwh * 0.75, first, kwh * 0.25, second));
    return file;
  }

  @Test
  void anEstimatedRunGetsRankedOptionsAndStaysEstimatedNeverMeasured() throws Exception {
    Path json = dir.resolve("advice.json");
    Cli.Result r = Cli.inProcess("advise", "--train-json", trainJson(9.1e-6).toString(), "--on", "16xgeneric-x86-core",
        "--hardware", "aws:*,gcp:a2*,T4", "--regions", "aws:eu-*,gcp:europe-west*,ES", "--json", json.toString(),
        "--top", "1000");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("digits mlp, 2 epochs", "(estimated +/-30 %)", "ranked by co2", "assumptions of #1:");
    assertThat(r.out()).doesNotContain("measured");
    JsonNode advice = new ObjectMapper().readTree(json.toFile());
    assertThat(advice.path("input").path("energy_method").asText()).isEqualTo("estimated");
    assertThat(advice.path("input").path("uncertainty_pct").asDouble()).isEqualTo(30.0);
    JsonNode options = advice.path("options");
    assertThat(options.size()).isGreaterThanOrEqualTo(20);
    double previous = 0;
    for (JsonNode o : options) {
      assertThat(o.path("emissions_kg").asDouble()).isGreaterThanOrEqualTo(previous);
      previous = o.path("emissions_kg").asDouble();
      assertThat(o.path("hardware").asText()).isNotEmpty();
      assertThat(o.path("energy_method").asText()).isEqualTo("estimated");
      assertThat(o.path("uncertainty_pct").asDouble()).isPositive();
      assertThat(o.path("assumptions").size()).isGreaterThanOrEqualTo(2);
      assertThat(o.has("hours") && o.has("energy_kwh") && o.has("region")).isTrue();
    }
    // the run itself, in ES: its own 30 % and the annual intensity's 20 %, in quadrature
    JsonNode asRun = asRun(options, "ES");
    assertThat(asRun.path("hardware").asText()).isEqualTo("16xgeneric-x86-core");
    assertThat(asRun.path("uncertainty_pct").asDouble()).isCloseTo(Math.hypot(30, 20), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(r.out().lines().filter(l -> l.contains(" ES ") && l.contains("(as run)")))
        .singleElement().asString().contains(" 36 %  estimated (as run)");
  }

  private static JsonNode asRun(JsonNode options, String region) {
    for (JsonNode o : options) {
      if (o.path("as_run").asBoolean() && o.path("region").asText().equals(region)) {
        return o;
      }
    }
    throw new AssertionError("no option as run in " + region + ": " + options);
  }

  @Test
  void aTrainJsonSaysHowItsEnergyWasObtainedOrIsRefused() throws Exception {
    Path json = dir.resolve("advice.json");
    String[] args = {"advise", "--train-json", "", "--on", "2xgeneric-x86-core", "--hardware", "T4", "--regions", "ES",
        "--json", json.toString()};
    // no top-level method: the epochs', parts of one run on the same sensors, add linearly
    args[2] = trainJson(1e-5, "", ",\"energy_method\":\"measured\",\"uncertainty_pct\":10",
        ",\"energy_method\":\"estimated\",\"uncertainty_pct\":30").toString();
    Cli.Result r = Cli.inProcess(args);
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode input = new ObjectMapper().readTree(json.toFile()).path("input");
    assertThat(input.path("energy_method").asText()).isEqualTo("mixed");
    assertThat(input.path("uncertainty_pct").asDouble()).isCloseTo(0.75 * 10 + 0.25 * 30, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(input.path("basis_source").asText()).contains("epochs'");
    // neither: an older file says nothing of its method, and none is made up for it
    args[2] = trainJson(1e-5, "", "", "").toString();
    expectUsage(args, "does not say how its energy was obtained");
    args[2] = trainJson(1e-5, "\"energy_method\":\"guessed\",\"uncertainty_pct\":3,", "", "").toString();
    expectUsage(args, "energy method must be measured, estimated, mixed or given, got 'guessed'");
    args[2] = trainJson(1e-5, "\"energy_method\":\"measured\",", "", "").toString();
    expectUsage(args, "energy_method and uncertainty_pct go together");
  }

  @Test
  void aFigureTypedInIsGivenAtItsStatedUncertaintyOrTheDefault() throws Exception {
    Path json = dir.resolve("advice.json");
    for (String[] pct : new String[][] {{}, {"--energy-uncertainty", "5"}}) {
      java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("advise", "--energy-kwh", "0.001",
          "--hours", "0.5", "--on", "T4", "--hardware", "T4,L4", "--regions", "ES", "--json", json.toString()));
      args.addAll(java.util.List.of(pct));
      Cli.Result r = Cli.inProcess(args.toArray(String[]::new));
      assertThat(r.exit()).as(r.err()).isZero();
      double given = pct.length == 0 ? 50 : 5;
      JsonNode advice = new ObjectMapper().readTree(json.toFile());
      assertThat(advice.path("input").path("energy_method").asText()).isEqualTo("given");
      assertThat(advice.path("input").path("uncertainty_pct").asDouble()).isEqualTo(given);
      JsonNode t4 = asRun(advice.path("options"), "ES");
      assertThat(t4.path("energy_method").asText()).isEqualTo("given");
      assertThat(t4.path("uncertainty_pct").asDouble()).isCloseTo(Math.hypot(given, 20), org.assertj.core.data.Offset.offset(1e-9));
      for (JsonNode o : advice.path("options")) {
        if (!o.path("as_run").asBoolean()) {
          assertThat(o.path("energy_method").asText()).as("scaled to " + o.path("hardware")).isEqualTo("estimated");
        }
      }
      assertThat(r.out()).contains("(given +/-" + (pct.length == 0 ? "50" : "5.0") + " %)");
    }
    expectUsage(new String[] {"advise", "--energy-kwh", "1", "--hours", "1", "--energy-uncertainty", "-3"},
        "--energy-uncertainty must be a percentage >= 0, got -3.0");
    expectUsage(new String[] {"advise", "--train-json", trainJson(1e-5).toString(), "--energy-uncertainty", "5"},
        "--energy-uncertainty goes with --energy-kwh");
  }

  @Test
  void aStoredRunIsAdvisedOnAndOneWithoutEnergyIsRefused() throws Exception {
    String store = "jdbc:h2:file:" + dir.resolve("runs");
    java.time.Instant t0 = java.time.Instant.parse("2026-11-20T10:00:00Z");
    String measured;
    String running;
    String imported;
    String labelled;
    try (io.lowcarb.track.RunStore runs = io.lowcarb.track.RunStore.open(store)) {
      io.lowcarb.track.RunStart start = new io.lowcarb.track.RunStart(io.lowcarb.track.RunKind.TRAIN, "mlp on digits",
          "lowcarb train", java.util.Map.of(), t0, io.lowcarb.track.Machine.local(), "accuracy");
      measured = runs.begin(start);
      runs.finish(measured, io.lowcarb.track.RunEnd.finished(t0.plusMillis(2200), new io.lowcarb.track.Footprint(
          java.util.List.of(new io.lowcarb.track.EnergyFigure("cpu", 9.1e-6, "estimate", "cpu-model")), 9.1e-6,
          9.1e-6 * 174.05 / 1000, 174.05, "ES", "table", "average", 1), java.util.Map.of("accuracy", 0.97)));
      running = runs.begin(start);
      imported = runs.begin(start);
      runs.finish(imported, io.lowcarb.track.RunEnd.finished(t0.plusMillis(2200), new io.lowcarb.track.Footprint(
          java.util.List.of(new io.lowcarb.track.EnergyFigure("total", 9.1e-6, "codecarbon", "codecarbon")), 9.1e-6,
          9.1e-6 * 174.05 / 1000, 174.05, "ES", "table", "average", 1), java.util.Map.of("accuracy", 0.97)));
      labelled = runs.begin(start);
      runs.finish(labelled, io.lowcarb.track.RunEnd.finished(t0.plusMillis(2200), new io.lowcarb.track.Footprint(
          java.util.List.of(new io.lowcarb.track.EnergyFigure("cpu", 9.1e-6, "estimate", "cpu-model", 30)), 9.1e-6,
          9.1e-6 * 174.05 / 1000, 174.05, "ES", "table", "average", 1), java.util.Map.of("accuracy", 0.97)));
    }
    Path json = dir.resolve("advice.json");
    Cli.Result r = Cli.inProcess("advise", "--run", measured.substring(0, 6), "--store", store, "--on",
        "16xgeneric-x86-core", "--hardware", "aws:*,gcp:a2*,T4", "--regions", "aws:eu-*,gcp:europe-west*,ES",
        "--json", json.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("train run " + measured + " (mlp on digits)").doesNotContain("measured");
    JsonNode advice = new ObjectMapper().readTree(json.toFile());
    JsonNode options = advice.path("options");
    assertThat(options.size()).isGreaterThanOrEqualTo(20);
    assertThat(options.findValuesAsText("region")).contains("ES");
    // stored before the store kept uncertainties: the CPU's method (estimate) at the CPU estimate's widest, 50 %, said so
    assertThat(advice.path("input").path("energy_method").asText()).isEqualTo("estimated");
    assertThat(advice.path("input").path("uncertainty_pct").asDouble()).isCloseTo(50, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(advice.path("input").path("basis_source").asText()).contains("the store keeps no uncertainty")
        .contains("cpu estimate 50 % documented");
    assertThat(asRun(options, "ES").path("energy_method").asText()).isEqualTo("estimated");
    // stored with its uncertainty: that one
    r = Cli.inProcess("advise", "--run", labelled, "--store", store, "--on", "16xgeneric-x86-core", "--hardware", "T4",
        "--regions", "ES", "--json", json.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    advice = new ObjectMapper().readTree(json.toFile());
    assertThat(advice.path("input").path("uncertainty_pct").asDouble()).isCloseTo(30, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(advice.path("input").path("basis_source").asText()).isEqualTo("the method and uncertainty the store keeps for the run");
    assertThat(asRun(advice.path("options"), "ES").path("uncertainty_pct").asDouble())
        .isCloseTo(Math.hypot(30, 20), org.assertj.core.data.Offset.offset(1e-9));
    expectUsage(new String[] {"advise", "--run", running, "--store", store}, "has no energy measurement (it has not ended)");
    expectUsage(new String[] {"advise", "--run", "ffffffffffff", "--store", store}, "no run ffffffffffff");
    expectUsage(new String[] {"advise", "--run", imported, "--store", store},
        "its total energy's method is 'codecarbon', which does not say whether it was measured or estimated");
  }

  @Test
  void aFlopCountRanksByTime() throws Exception {
    Cli.Result r = Cli.inProcess("advise", "--flops", "1e18", "--hardware", "H100-SXM,T4,EPYC-7763", "--regions", "ES",
        "--rank", "time", "--precision", "fp16");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines().filter(l -> l.startsWith("  1 ")).findFirst().orElseThrow()).contains("H100-SXM");
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    String run = trainJson(9.1e-6).toString();
    expectUsage(new String[] {"advise", "--train-json", run, "--hardware", "p4d.24xl"},
        "unknown hardware 'p4d.24xl'; close matches: aws:p4d.24xlarge");
    expectUsage(new String[] {"advise", "--train-json", run, "--regions", "aws:eu-nort-1"}, "close matches: aws:eu-north-1");
    expectUsage(new String[] {"advise", "--train-json", trainJson(0).toString()}, "has no energy measurement");
    expectUsage(new String[] {"advise", "--train-json", run, "--flops", "1e15"}, "give one of --run ID, --train-json");
    expectUsage(new String[] {"advise", "--energy-kwh", "0.1"}, "--energy-kwh and --hours go together");
    expectUsage(new String[] {"advise", "--energy-kwh", "-1", "--hours", "1"}, "no energy measurement");
    expectUsage(new String[] {"advise", "--flops", "1e15", "--rank", "fast"}, "--rank must be co2, time or cost");
    expectUsage(new String[] {"advise", "--flops", "1e15", "--on", "T4"}, "describe a run");
  }

  private static void expectUsage(String[] args, String message) {
    Cli.Result r = Cli.inProcess(args);
    assertThat(r.exit()).as(r.out()).isEqualTo(2);
    assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).startsWith("advise: ").contains(message);
  }

  /** A series of 2-second slots from 4 s ago, at {@code dirty} except for {@code clean} 6 to 10 seconds from now. */
  private Path series(String name, java.time.Instant now, int dirty, int clean) throws Exception {
    StringBuilder csv = new StringBuilder("time,g_per_kwh\n");
    for (int s = -4; s < 40; s += 2) {
      csv.append(now.plusSeconds(s)).append(',').append(s >= 6 && s < 10 ? clean : dirty).append('\n');
    }
    return Files.writeString(dir.resolve(name), csv);
  }

  @Test
  void withSeriesItNamesTheBestRegionNowAndTheBestWindowInTheBestRegion() throws Exception {
    java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Path json = dir.resolve("advice.json");
    // A T4 run of 3.6 s (rounds up to 4 s): by annual means FR (56 g/kWh) ranks before ES (174 g/kWh);
    // now ES is the cleaner (100 against 400), and FR is clean (10) from 6 to 10 s from now.
    Cli.Result r = Cli.inProcess("advise", "--energy-kwh", "0.001", "--hours", "0.001", "--on", "T4",
        "--hardware", "T4", "--regions", "ES,FR", "--series", "ES=" + series("es.csv", now, 100, 100),
        "--series", "FR=" + series("fr.csv", now, 400, 10), "--deadline", now.plusSeconds(30).toString(),
        "--json", json.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("best region now").contains(": ES, 100.0 gCO2e/kWh")
        .contains("best window for T4 in FR").contains("97.5 % less");
    JsonNode advice = new ObjectMapper().readTree(json.toFile());
    assertThat(advice.at("/best_region_now/region").asText()).isEqualTo("ES");
    assertThat(advice.at("/best_region_now/regions/1/g_per_kwh").asDouble()).isEqualTo(400);
    JsonNode window = advice.path("best_window");
    assertThat(window.path("region").asText()).isEqualTo("FR");
    assertThat(window.path("hardware").asText()).isEqualTo("T4");
    assertThat(window.path("estimate_s").asLong()).isEqualTo(4);
    assertThat(java.time.Instant.parse(window.path("start").asText())).isEqualTo(now.plusSeconds(6));
    assertThat(java.time.Instant.parse(window.path("end").asText())).isEqualTo(now.plusSeconds(10));
    assertThat(window.path("avg_intensity_g_per_kwh").asDouble()).isEqualTo(10);
    assertThat(window.path("run_now_avg_intensity_g_per_kwh").asDouble()).isEqualTo(400);
    assertThat(window.path("savings_pct").asDouble()).isCloseTo(97.5, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(window.path("emissions_kg").asDouble()).isCloseTo(0.001 * 10 / 1000, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void aDeadlineInThePastASeriesForNoRegionAndAWindowTooShortAreRefused() throws Exception {
    java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String fr = "FR=" + series("fr.csv", now, 400, 10);
    String[] run = {"advise", "--energy-kwh", "0.001", "--hours", "0.001", "--on", "T4", "--hardware", "T4",
        "--regions", "ES,FR"};
    Cli.Result past = Cli.inProcess(concat(run, "--series", fr, "--deadline", now.minusSeconds(60).toString()));
    assertThat(past.exit()).isEqualTo(2);
    assertThat(past.err()).startsWith("advise: the deadline").contains("is in the past");
    Cli.Result elsewhere = Cli.inProcess(concat(run, "--series", "DE=" + series("de.csv", now, 300, 300), "--deadline",
        now.plusSeconds(30).toString()));
    assertThat(elsewhere.exit()).isEqualTo(2);
    assertThat(elsewhere.err()).contains("the series for DE is not for any region advised on");
    Cli.Result tooShort = Cli.inProcess(concat(run, "--series", fr, "--deadline", now.plusSeconds(3).toString()));
    assertThat(tooShort.exit()).isEqualTo(2);
    assertThat(tooShort.err()).contains("T4 in FR").contains("longer than the window");
    Cli.Result alone = Cli.inProcess(concat(run, "--series", fr));
    assertThat(alone.exit()).isEqualTo(2);
    assertThat(alone.err()).contains("go together");
  }

  private static String[] concat(String[] head, String... tail) {
    return java.util.stream.Stream.concat(java.util.Arrays.stream(head), java.util.Arrays.stream(tail)).toArray(String[]::new);
  }
}
