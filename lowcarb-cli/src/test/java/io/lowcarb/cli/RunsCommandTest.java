package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs recorded by the commands that make them, and read back with {@code lowcarb runs}. */
class RunsCommandTest {
  static final Pattern RECORDED =
      Pattern.compile("recorded as run ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
  @TempDir Path dir;

  private String store() {
    return "jdbc:h2:file:" + dir.resolve("runs");
  }

  private Process measure(String log, String... command) throws Exception {
    String[] args = new String[command.length + 5];
    args[0] = "measure";
    args[1] = "--zone";
    args[2] = "ES";
    args[3] = "--quiet";
    args[4] = "--";
    System.arraycopy(command, 0, args, 5, command.length);
    return Cli.spawn(dir.resolve(log), Map.of("LOWCARB_STORE", store()), args);
  }

  private String recordedId(String log) throws Exception {
    Matcher m = RECORDED.matcher(Files.readString(dir.resolve(log)));
    assertThat(m.find()).as("run id in " + Files.readString(dir.resolve(log))).isTrue();
    return m.group(1);
  }

  @Test
  void aMeasuredCommandIsRecordedListedShownAndExportedAsCodeCarbon() throws Exception {
    Process p = measure("a.log", "sleep", "1");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    String id = recordedId("a.log");

    Cli.Result list = Cli.inProcess("runs", "list", "--store", store());
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains(id.substring(0, 12) + "  ").doesNotContain(id).contains("measure")
        .contains("finished").contains("sleep 1")
        .containsPattern("(measured|estimated|mixed) ±[0-9.]+ %")
        .containsPattern("total: .* (measured|estimated|mixed) ±[0-9.]+ %, .* CO2e (measured|estimated|mixed) ±");

    Cli.Result show = Cli.inProcess("runs", "show", id.substring(0, 5), "--store", store());
    assertThat(show.exit()).as(show.err()).isZero();
    assertThat(show.out()).contains("run " + id + " (measure, finished)")
        .containsPattern("energy +[0-9.]+ [mkµ]?(J|Wh).* (measured|estimated|mixed) ±[0-9.]+ %")
        .containsPattern("emissions +[0-9.e-]+ [mµ]?g CO2e (measured|estimated|mixed) ±[0-9.]+ %")
        .containsPattern("cpu [^,]+ \\((rapl|estimate) ±[0-9.]+ %\\)")
        .contains("intensity").contains("ES").contains("Our World in Data")
        .contains("exit status            0")
        .contains("series power_w.cpu");

    Path csv = dir.resolve("emissions.csv");
    Cli.Result export = Cli.inProcess("runs", "export", "--format", "csv", "--out", csv.toString(), "--store", store());
    assertThat(export.exit()).as(export.err()).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.getFirst()).isEqualTo(io.lowcarb.energy.report.CodeCarbonCsv.HEADER);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).contains("," + id + ",").containsPattern(",(measured|estimated|mixed),[0-9.]+$");

    String other = "jdbc:h2:file:" + dir.resolve("other");
    Cli.Result imported = Cli.inProcess("runs", "import", csv.toString(), "--store", other);
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.err()).contains("1 run(s) imported");
    Cli.Result again = Cli.inProcess("runs", "import", csv.toString(), "--store", other);
    assertThat(again.err()).contains("0 run(s) imported, 1 already in the store");
    Cli.Result json = Cli.inProcess("runs", "export", "--format", "json", "--out", dir.resolve("o.json").toString(),
        "--store", other);
    assertThat(json.exit()).isZero();
    JsonNode runs = new ObjectMapper().readTree(dir.resolve("o.json").toFile()).get("runs");
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).get("kind").asText()).isEqualTo("imported");
    assertThat(runs.get(0).get("id").asText()).as("the CSV's run_id is the run's id").isEqualTo(id);
    assertThat(runs.get(0).at("/footprint/energy_method").asText()).isIn("measured", "estimated", "mixed");
    assertThat(runs.get(0).at("/footprint/uncertainty_pct").asDouble()).isPositive();
    JsonNode mine = new ObjectMapper().readTree(Cli.inProcessJson(store())).get("runs").get(0);
    assertThat(runs.get(0).get("footprint").get("energy_kwh").asDouble())
        .isCloseTo(mine.get("footprint").get("energy_kwh").asDouble(), org.assertj.core.data.Percentage.withPercentage(1e-6));
  }

  @Test
  void twoRunsAtOnceAreBothRecordedAndAFailedCommandIsMarkedFailed() throws Exception {
    Process a = measure("a.log", "sleep", "2");
    Process b = measure("b.log", "sh", "-c", "sleep 1; exit 3");
    assertThat(a.waitFor(60, TimeUnit.SECONDS) && b.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(a.exitValue()).isZero();
    assertThat(b.exitValue()).isEqualTo(3);
    String idA = recordedId("a.log");
    String idB = recordedId("b.log");
    Cli.Result compare = Cli.inProcess("runs", "compare", idA, idB, "--store", store());
    assertThat(compare.exit()).as(compare.err()).isZero();
    assertThat(compare.out()).contains(idA.substring(0, 12)).contains(idB.substring(0, 12)).contains("energy vs first")
        .contains("1.00x").containsPattern("CO2e +[0-9.e-]+ [mµ]?g (measured|estimated|mixed) ±[0-9.]+ %")
        .containsPattern("energy +[0-9.e-]+ J \\([0-9.e-]+ kWh\\) (measured|estimated|mixed) ±[0-9.]+ %  ");
    Cli.Result show = Cli.inProcess("runs", "show", idB, "--store", store());
    assertThat(show.out()).contains("(measure, failed)").contains("the command exited with status 3");
  }

  @Test
  void aMeasuredRunHasOneIdInItsJsonItsCsvAndTheStoreAndNamesItselfToTheCommandsItRuns() throws Exception {
    Path json = dir.resolve("run.json");
    Path csv = dir.resolve("run.csv");
    Path seen = dir.resolve("parent.txt");
    Process p = Cli.spawn(dir.resolve("m.log"), Map.of("LOWCARB_STORE", store()), "measure", "--zone", "ES", "--quiet",
        "--json", json.toString(), "--csv", csv.toString(), "--", "sh", "-c",
        "echo \"$LOWCARB_PARENT_RUN_ID\" > " + seen);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("m.log"))).isZero();
    String id = recordedId("m.log");
    JsonNode run = new ObjectMapper().readTree(json.toFile());
    assertThat(run.get("run_id").asText()).isEqualTo(id);
    assertThat(run.has("parent_run_id")).isFalse();
    List<String> row = io.lowcarb.energy.text.SimpleCsv.split(Files.readAllLines(csv).get(1));
    assertThat(row.get(io.lowcarb.energy.report.CodeCarbonCsv.COLUMNS.indexOf("run_id"))).isEqualTo(id);
    assertThat(row.get(io.lowcarb.energy.report.CodeCarbonCsv.COLUMNS.indexOf("energy_method")))
        .isEqualTo(run.get("energy_method").asText());
    assertThat(Double.parseDouble(row.get(io.lowcarb.energy.report.CodeCarbonCsv.COLUMNS.indexOf("uncertainty_pct"))))
        .isEqualTo(run.get("uncertainty_pct").asDouble());
    assertThat(Files.readString(seen).strip()).as("the measured command is told the run's id").isEqualTo(id);

    for (String given : List.of(id, id.substring(0, 12), id.replace("-", "").substring(0, 16))) {
      Cli.Result show = Cli.inProcess("runs", "show", given, "--store", store());
      assertThat(show.exit()).as(given + ": " + show.err()).isZero();
      assertThat(show.out()).startsWith("run " + id + " (measure, finished)");
    }
  }

  @Test
  void aTrainingIsRecordedEpochByEpochWithItsSci() throws Exception {
    Path json = dir.resolve("train.json");
    Cli.Result train = Cli.inProcess("train", "--epochs", "2", "--limit", "400", "--zone", "ES", "--store", store(),
        "--out", dir.resolve("out").toString(), "--json", json.toString());
    assertThat(train.exit()).as(train.err()).isZero();
    Matcher m = RECORDED.matcher(train.err());
    assertThat(m.find()).as(train.err()).isTrue();
    assertThat(new ObjectMapper().readTree(json.toFile()).get("run_id").asText()).isEqualTo(m.group(1));
    Cli.Result show = Cli.inProcess("runs", "show", m.group(1), "--store", store(), "--embodied-kg", "1000");
    assertThat(show.out()).contains("(train, finished)")
        .containsPattern("metric accuracy +0\\.[0-9]+")
        .containsPattern("param epochs +2\n")
        .containsPattern("series accuracy +2 points")
        .containsPattern("series epoch_energy_kwh +2 points")
        .containsPattern("SCI +[0-9.]+ [mµ]?g per training run")
        .contains("embodied: given: 1000.0 kgCO2e over 4.0 years")
        .contains("file checkpoint");
    Cli.Result list = Cli.inProcess("runs", "list", "--kind", "train", "--store", store());
    assertThat(list.out()).containsPattern("train .* accuracy 0\\.[0-9]{4}");
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Cli.Result badParent = Cli.inProcess("train", "--epochs", "1", "--store", store(), "--parent-run", "not an id");
    Cli.assertUsageError(badParent, "--parent-run");
    assertThat(badParent.err()).contains("must be a run id, got 'not an id'");
    Cli.Result unknown = Cli.inProcess("runs", "show", "abcdef", "--store", store());
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err().strip()).startsWith("runs show: no run abcdef in the run store at ").doesNotContain("\n");

    Path notCodeCarbon = dir.resolve("x.csv");
    Files.writeString(notCodeCarbon, "time,value\n1,2\n");
    Cli.Result bad = Cli.inProcess("runs", "import", notCodeCarbon.toString(), "--store", store());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().strip()).isEqualTo("runs import: " + notCodeCarbon
        + " is not a CodeCarbon emissions.csv: no timestamp, duration or energy_consumed column");

    Path marker = dir.resolve("ran");
    Process p = Cli.spawn(dir.resolve("c.log"), Map.of(), "measure", "--store",
        "jdbc:postgresql://127.0.0.1:1/runs?user=u&password=secret", "--", "touch", marker.toString());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    String log = Files.readString(dir.resolve("c.log")).strip();
    assertThat(log).startsWith("measure: cannot open the run store at jdbc:postgresql://127.0.0.1:1/runs?user=u&password=***")
        .doesNotContain("secret").doesNotContain("\n\tat ");
    assertThat(marker).as("the command did not run").doesNotExist();

    Cli.Result none = Cli.inProcess("runs", "list", "--kind", "bogus", "--store", store());
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err().strip()).startsWith("runs list: unknown run kind 'bogus'");
  }
}
