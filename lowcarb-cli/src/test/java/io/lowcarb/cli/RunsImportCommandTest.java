package io.lowcarb.cli;

import static io.lowcarb.cli.Cli.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lowcarb runs import} on files as CodeCarbon writes them (the fixtures of lowcarb-track), then list and show. */
class RunsImportCommandTest {
  private static final Path FIXTURES = Path.of("..", "lowcarb-track", "src", "test", "resources", "codecarbon");
  @TempDir Path dir;

  private String store() {
    return "jdbc:h2:file:" + dir.resolve("runs");
  }

  private static String fixture(String name) {
    Path p = FIXTURES.resolve(name);
    assertThat(p).as("fixture, read from the lowcarb-cli module folder").exists();
    return p.toString();
  }

  private Cli.Result importing(String... args) {
    String[] all = new String[args.length + 6];
    all[0] = "runs";
    all[1] = "import";
    System.arraycopy(args, 0, all, 2, args.length);
    all[args.length + 2] = "--store";
    all[args.length + 3] = store();
    all[args.length + 4] = "--timezone";
    all[args.length + 5] = "UTC";
    return Cli.inProcess(all);
  }

  private Cli.Result list() {
    return Cli.inProcess("runs", "list", "--store", store());
  }

  /** The line of {@code runs list} for the run named {@code name} started at {@code started}. */
  private static String row(String listing, String started) {
    return listing.lines().filter(l -> l.contains(started)).findFirst().orElseThrow(
        () -> new AssertionError("no run started " + started + " in\n" + listing));
  }

  @Test
  void blankCellsReadAsDashesAndAreLeftOutOfTheTotal() {
    Cli.Result imported = importing(fixture("v3-emissions.csv"));
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.err())
        .contains("v3-emissions.csv: 5 run(s) imported, 2 earlier row(s) of the same runs left out")
        .contains("v3-emissions.csv: 1 run has no energy, 2 no CO2e, 1 no duration (blank in the file)");

    Cli.Result list = list();
    assertThat(list.exit()).as(list.err()).isZero();
    // energy and emissions both blank (line 7): 42 s from 08:00:41
    assertThat(row(list.out(), "2025-06-12 07:59:59")).matches(
        "[0-9a-f-]{12}  imported   2025-06-12 07:59:59  finished +- +- +- +- +bert-finetune");
    // emissions blank (line 6)
    assertThat(row(list.out(), "2025-06-11 13:52:10")).containsPattern("finished +37\\.083 Wh +- +codecarbon ± - ");
    // duration blank (line 8): no start, the energy and CO2e known
    String noStart = list.out().lines().filter(l -> l.contains("imported   -  ")).findFirst().orElseThrow();
    assertThat(noStart).containsPattern("finished +37\\.000 Wh +1\\.850 g +codecarbon ± -");
    // 11.375 + 0.402 + 37.083 + 37.000 Wh; 0.150 + 0.004 + 1.850 g
    assertThat(list.out()).contains("total: 85.861 Wh - ± -, 2.004 g CO2e - ± - over 5 runs\n"
        + "1 run has no energy; left out of the sum\n"
        + "2 runs have no CO2e; left out of the sum\n");
    assertThat(list.out()).doesNotContain("NaN");

    Matcher id = Pattern.compile("([0-9a-f-]{12})  imported   -  ").matcher(list.out());
    assertThat(id.find()).isTrue();
    Cli.Result show = Cli.inProcess("runs", "show", id.group(1), "--store", store());
    assertThat(show.exit()).as(show.err()).isZero();
    assertThat(show.out()).containsPattern("started +-\n").containsPattern("ended +2025-06-12 09:30:00 UTC\n")
        .containsPattern("duration +-\n").containsPattern("emissions +1\\.850 g CO2e codecarbon ± - ")
        .containsPattern("intensity +50\\.0 gCO2e/kWh, FRA average").doesNotContain("NaN");

    Matcher noCo2 = Pattern.compile("([0-9a-f-]{12})  imported   2025-06-11 13:52:10").matcher(list.out());
    assertThat(noCo2.find()).isTrue();
    Cli.Result show2 = Cli.inProcess("runs", "show", noCo2.group(1), "--store", store());
    assertThat(show2.out()).containsPattern("emissions +-\n").containsPattern("intensity +-, FRA")
        .containsPattern("energy +37\\.083 Wh codecarbon ± -: cpu [^,]+ \\(codecarbon ± -\\)").doesNotContain("NaN");
  }

  @Test
  void importingAFileTwiceAddsNothing() {
    assertThat(importing(fixture("v1-emissions.csv")).exit()).isZero();
    Cli.Result again = importing(fixture("v1-emissions.csv"));
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.err()).contains("v1-emissions.csv: 0 run(s) imported, 3 already in the store, 1 row(s) skipped");
    assertThat(list().out()).contains("over 3 runs");

    Cli.Result both = importing(fixture("v2-emissions.csv"), fixture("v1-emissions.csv"), fixture("v2-emissions.csv"));
    assertThat(both.exit()).as(both.err()).isZero();
    assertThat(both.err()).contains("v2-emissions.csv: 3 run(s) imported\n")
        .contains("v2-emissions.csv: 0 run(s) imported, 3 already in the store\n");
    assertThat(list().out()).contains("over 6 runs");
  }

  @Test
  void rowsThatCannotBeUsedAreSkippedOneLineEach() {
    Cli.Result r = importing(fixture("bad-rows-emissions.csv"));
    assertThat(r.exit()).as(r.err()).isZero();
    // six bad rows: more than a line each is worth, so one line names them
    assertThat(r.err()).contains("bad-rows-emissions.csv: skipped 6 rows: line 3 (30 fields where the header has 32),"
        + " line 4 (duration is not a number: 'ten'), line 5 (no timestamp), line 6 (no duration or energy),"
        + " line 7 (emissions is negative: -0.000319), line 9 (a quote opened here is never closed)\n");
    assertThat(r.err()).contains("bad-rows-emissions.csv: 2 run(s) imported, 6 row(s) skipped");

    Cli.Result v1 = importing(fixture("v1-emissions.csv"));
    assertThat(v1.err()).contains("v1-emissions.csv line 5: skipped: no duration or energy\n");
  }

  @Test
  void strictRefusesAFileWithABadRowAndStoresNothing() {
    Cli.Result r = importing("--strict", fixture("v3-emissions.csv"), fixture("bad-rows-emissions.csv"));
    assertUsageError(r, "bad-rows-emissions.csv line 3: 30 fields where the header has 32 (--strict: the file is"
        + " refused; 6 rows cannot be imported)");
    assertThat(list().err()).contains("no runs in the run store");
    Cli.Result fine = importing("--strict", fixture("v2-emissions.csv"));
    assertThat(fine.exit()).as(fine.err()).isZero();
  }

  @Test
  void badFilesAreOneLineExitTwoAndNothingIsHalfImported() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    Path header = Files.writeString(dir.resolve("header.csv"), "timestamp,project_name,run_id,duration,emissions,energy_consumed\r\n");
    Path notCsv = Files.writeString(dir.resolve("notes.txt"), "Ran the sweep on Tuesday; CodeCarbon said 2 kg.\n");
    Path binary = Files.write(dir.resolve("model.csv"), new byte[] {0x13, 0x00, 0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01});
    Path allBad = Files.writeString(dir.resolve("bad.csv"), "timestamp,duration,energy_consumed\n,1,2\n2021-01-01T00:00:00,,\n");
    String good = fixture("v2-emissions.csv");
    assertUsageError(importing(good, empty.toString()), "runs import: " + empty + " is empty: not a CodeCarbon emissions.csv");
    assertUsageError(importing(good, header.toString()), header + " has a header but no rows: nothing to import");
    assertUsageError(importing(good, notCsv.toString()),
        notCsv + " is not a CodeCarbon emissions.csv: no timestamp, duration or energy_consumed column");
    assertUsageError(importing(good, binary.toString()), binary + " is a binary file, not a CSV");
    assertUsageError(importing(good, allBad.toString()),
        allBad + ": no row can be imported: skipped 2 rows: line 2 (no timestamp), line 3 (no duration or energy)");
    assertUsageError(importing(good, dir.resolve("none.csv").toString()), "no such file: " + dir.resolve("none.csv"));
    assertThat(list().err()).as("the good file given first was not imported either").contains("no runs in the run store");
  }

  @Test
  void everyVersionAndToolImports() {
    Cli.Result r = importing(fixture("v1-emissions.csv"), fixture("v2-emissions.csv"), fixture("v3-emissions.csv"),
        fixture("offline-emissions.csv"), fixture("reordered-emissions.csv"), fixture("tasks-emissions.csv"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(list().out()).contains("over 19 runs").contains("sac-halfcheetah: train").contains("thesis-cnn")
        .contains("rag, eval");
  }
}
