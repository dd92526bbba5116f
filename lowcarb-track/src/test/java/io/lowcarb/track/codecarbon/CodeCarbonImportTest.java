package io.lowcarb.track.codecarbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.track.EnergyFigure;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.ImportedRun;
import io.lowcarb.track.Machine;
import io.lowcarb.track.RunKind;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each fixture is a file as one CodeCarbon version or tool writes it, blank cells and all. */
class CodeCarbonImportTest {
  private static final ZoneId UTC = ZoneOffset.UTC;

  static Path fixture(String name) {
    try {
      return Path.of(CodeCarbonImportTest.class.getResource("/codecarbon/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CodeCarbonFile read(String name) throws Exception {
    return CodeCarbonImport.read(fixture(name), UTC);
  }

  private static ImportedRun run(CodeCarbonFile f, String runId) {
    return f.runs().stream().filter(r -> runId.equals(r.start().parameters().get("run_id"))).findFirst().orElseThrow();
  }

  private static Footprint footprint(ImportedRun r) {
    return r.end().footprint().orElseThrow();
  }

  @Test
  void version1HasTotalsOnlyCrlfLineEndsAndNoRunId() throws Exception {
    CodeCarbonFile f = read("v1-emissions.csv");
    assertThat(f.runs()).hasSize(3);
    assertThat(f.skipped()).containsExactly(new SkippedRow(5, "no duration or energy"));

    ImportedRun iowa = f.runs().getFirst();
    assertThat(iowa.end().end()).isEqualTo(Instant.parse("2021-10-27T22:34:13Z"));
    assertThat(Duration.between(iowa.start().start(), iowa.end().end()).toNanos() / 1e9)
        .isCloseTo(857.0677969455719, within(1e-6));
    assertThat(iowa.start().startKnown()).isTrue();
    assertThat(footprint(iowa).kwh()).isEqualTo(0.08812791243529816);
    assertThat(footprint(iowa).emissionsKg()).isEqualTo(0.04990683681210934);
    assertThat(footprint(iowa).intensityGPerKwh()).isCloseTo(566.3, within(0.1));
    assertThat(footprint(iowa).zone()).isEqualTo("us-central1");
    assertThat(footprint(iowa).energy()).containsExactly(
        new EnergyFigure("total", 0.08812791243529816, "codecarbon", "codecarbon"));
    assertThat(iowa.start().kind()).isEqualTo(RunKind.IMPORTED);
    assertThat(iowa.start().parameters())
        .containsEntry("experiment_id", "0c8ca9ea-a74a-4134-b45e-4875e2a4b984")
        .containsEntry("cloud_provider", "gcp")
        .containsEntry("source_line", "2")
        .containsKey("run_id_generated");

    ImportedRun korea = f.runs().get(1);
    assertThat(korea.start().name()).isEqualTo("bert-base-ko");
    assertThat(korea.start().parameters()).containsEntry("country_name", "Korea, Republic of");
    assertThat(footprint(korea).zone()).isEqualTo("KOR");
  }

  @Test
  void aBlankCellIsMissingNotZero() throws Exception {
    ImportedRun noEmissions = read("v1-emissions.csv").runs().get(2);
    Footprint f = footprint(noEmissions);
    assertThat(f.knownKwh()).hasValue(0.011605729496772105);
    assertThat(f.knownEmissionsKg()).isEmpty();
    assertThat(f.emissionsKg()).isNaN();
    assertThat(f.knownIntensity()).as("no intensity without emissions").isEmpty();
  }

  @Test
  void aBlankRunIdGetsTheSameUuidEachTimeTheRowIsRead() throws Exception {
    List<ImportedRun> first = read("v1-emissions.csv").runs();
    List<ImportedRun> again = read("v1-emissions.csv").runs();
    assertThat(first).extracting(ImportedRun::key).doesNotHaveDuplicates()
        .containsExactlyElementsOf(again.stream().map(ImportedRun::key).toList());
    String id = first.getFirst().start().parameters().get("run_id");
    assertThat(java.util.UUID.fromString(id).toString()).isEqualTo(id);
    assertThat(first.getFirst().key()).isEqualTo("codecarbon:" + id);
  }

  @Test
  void version2HasComponentsTheMachineAndBlankGpuCells() throws Exception {
    CodeCarbonFile f = read("v2-emissions.csv");
    assertThat(f.runs()).hasSize(3);
    assertThat(f.skipped()).isEmpty();

    ImportedRun gpu = run(f, "979336a5-c7de-4edf-b1ed-ab25fad914c1");
    assertThat(footprint(gpu).energy()).extracting(EnergyFigure::component).containsExactly("cpu", "gpu", "ram");
    assertThat(footprint(gpu).energy().get(1).kwh()).isEqualTo(0.027742843305368026);
    Machine m = gpu.start().machine();
    assertThat(m.cpuModel()).isEqualTo("Intel(R) Xeon(R) CPU @ 2.20GHz");
    assertThat(m.cpus()).isEqualTo(12);
    assertThat(m.ramBytes()).isEqualTo(83_477_050_781L);
    assertThat(m.gpus()).containsExactly("1 x NVIDIA A100-SXM4-40GB");
    assertThat(gpu.start().parameters()).containsEntry("codecarbon_version", "2.4.2")
        .doesNotContainKey("run_id_generated");
    assertThat(gpu.key()).isEqualTo("codecarbon:979336a5-c7de-4edf-b1ed-ab25fad914c1");

    ImportedRun mac = run(f, "6d9af697-7ceb-41a2-a129-c6be7aeb4cf0");
    assertThat(footprint(mac).energy()).extracting(EnergyFigure::component).containsExactly("cpu", "ram");
    assertThat(mac.start().machine().gpus()).isEmpty();
    assertThat(mac.start().machine().ramBytes()).as("blank ram_total_size").isZero();

    ImportedRun cloud = run(f, "87d2cba8-3879-463b-8c13-47446347f1a9");
    assertThat(cloud.start().name()).isEqualTo("rag, eval");
    assertThat(footprint(cloud).zone()).isEqualTo("us-east-1");
    assertThat(footprint(cloud).pue()).isEqualTo(1.2);
    assertThat(footprint(cloud).intensityGPerKwh()).isCloseTo(0.040517430302682955 * 1000 / (0.11602058861853813 * 1.2),
        within(1e-9));
  }

  @Test
  void version3KeepsTheLastRowOfARunThatFlushedAndEveryKindOfBlank() throws Exception {
    CodeCarbonFile f = read("v3-emissions.csv");
    assertThat(f.skipped()).isEmpty();
    assertThat(f.earlierRows()).isEqualTo(2);
    assertThat(f.runs()).extracting(r -> r.start().parameters().get("run_id")).containsExactly(
        "3b540626-49b2-49c4-bd31-9adabd153544", "a0e41c2b-7d7e-4a47-9e0e-1f6a4b2c9d10",
        "c5f0e2d1-6b8a-4e3f-9a27-3d4c5b6a7e80", "e1d2c3b4-a5f6-4708-9123-4567890abcde",
        "f7e6d5c4-b3a2-4190-8e7d-6c5b4a392817");

    ImportedRun flushed = f.runs().getFirst();
    assertThat(footprint(flushed).kwh()).as("the totals of its last row, line 5").isEqualTo(0.011375);
    assertThat(flushed.end().end()).isEqualTo(Instant.parse("2025-06-10T09:12:02Z"));
    assertThat(flushed.start().start()).isEqualTo(Instant.parse("2025-06-10T09:09:02Z"));
    assertThat(flushed.start().machine().cpuModel()).isEqualTo("AMD EPYC 7R13 Processor, 16-Core");
    assertThat(flushed.start().parameters()).containsEntry("region", "île-de-france").containsEntry("source_line", "5");

    ImportedRun noEmissions = f.runs().get(2);
    assertThat(footprint(noEmissions).knownKwh()).hasValue(0.03708333333333333);
    assertThat(footprint(noEmissions).knownEmissionsKg()).isEmpty();

    ImportedRun durationOnly = f.runs().get(3);
    assertThat(durationOnly.end().footprint()).as("neither energy nor emissions").isEmpty();
    assertThat(durationOnly.start().startKnown()).isTrue();

    ImportedRun noDuration = f.runs().get(4);
    assertThat(noDuration.start().startKnown()).isFalse();
    assertThat(noDuration.start().start()).isEqualTo(noDuration.end().end());
    assertThat(footprint(noDuration).kwh()).isEqualTo(0.037);
    assertThat(footprint(noDuration).intensityGPerKwh()).isCloseTo(50, within(1e-9));
  }

  @Test
  void theOfflineTrackerWritesTheCountryItWasGivenWithABomAndCrlf() throws Exception {
    CodeCarbonFile f = read("offline-emissions.csv");
    assertThat(f.skipped()).isEmpty();
    assertThat(f.runs()).hasSize(2);
    ImportedRun laptop = f.runs().getFirst();
    assertThat(laptop.end().end()).as("a space for the T").isEqualTo(Instant.parse("2025-01-27T15:25:35Z"));
    assertThat(footprint(laptop).zone()).isEqualTo("DEU");
    assertThat(laptop.start().name()).isEqualTo("thesis-cnn");
    assertThat(laptop.start().machine().os()).isEqualTo("Windows-10-10.0.22631-SP0");
    ImportedRun cloud = f.runs().get(1);
    assertThat(footprint(cloud).zone()).isEqualTo("europe-west1");
    assertThat(cloud.start().parameters()).doesNotContainKeys("country_name", "country_iso_code")
        .containsEntry("on_cloud", "Y");
    assertThat(cloud.start().machine().gpus()).isEmpty();
  }

  @Test
  void columnsAreFoundByNameWhateverTheirOrderAndExtras() throws Exception {
    CodeCarbonFile f = read("reordered-emissions.csv");
    assertThat(f.skipped()).isEmpty();
    assertThat(f.runs()).hasSize(4);
    ImportedRun first = f.runs().getFirst();
    assertThat(first.start().parameters()).containsEntry("run_id", "4b1c2d3e-5f60-4718-92a3-b4c5d6e7f809");
    assertThat(footprint(first).kwh()).isEqualTo(0.0125);
    assertThat(footprint(first).emissionsKg()).isEqualTo(0.0006);
    assertThat(footprint(first).zone()).isEqualTo("NOR");
    assertThat(Duration.between(first.start().start(), first.end().end())).isEqualTo(Duration.ofSeconds(900));
    assertThat(f.runs()).extracting(r -> r.start().parameters().get("source_line"))
        .as("the note with a line end spans lines 4 and 5").containsExactly("2", "3", "4", "6");
    assertThat(footprint(f.runs().get(2)).knownEmissionsKg()).isEmpty();
    assertThat(f.runs().subList(1, 4)).allSatisfy(r ->
        assertThat(r.start().parameters()).containsKey("run_id_generated"));
  }

  @Test
  void aRowHasTheSameGeneratedIdInAFileWithItsColumnsInAnotherOrder() throws Exception {
    String a = "timestamp,run_id,duration,emissions,energy_consumed\n2025-02-03T11:00:00,,905.5,0.00062,0.0131\n";
    String b = "energy_consumed,timestamp,notes,emissions,duration,run_id\n0.0131,2025-02-03T11:00:00,,0.00062,905.5,\n";
    String c = "timestamp,run_id,duration,emissions,energy_consumed\n2025-02-03T11:00:00,,905.5,0.00063,0.0131\n";
    String ka = CodeCarbonImport.read(a.getBytes(), "a.csv", UTC).runs().getFirst().key();
    assertThat(CodeCarbonImport.read(b.getBytes(), "b.csv", UTC).runs().getFirst().key()).isEqualTo(ka);
    assertThat(CodeCarbonImport.read(c.getBytes(), "c.csv", UTC).runs().getFirst().key()).isNotEqualTo(ka);
  }

  @Test
  void aTaskFileHasOneRunPerTask() throws Exception {
    CodeCarbonFile f = read("tasks-emissions.csv");
    assertThat(f.earlierRows()).isZero();
    assertThat(f.runs()).extracting(r -> r.start().name())
        .containsExactly("sac-halfcheetah: load_data", "sac-halfcheetah: train");
    assertThat(f.runs()).extracting(ImportedRun::key).containsExactly(
        "codecarbon:2ab8fba5-bfcc-4267-8cf2-8fe3bddfe83b#load_data",
        "codecarbon:2ab8fba5-bfcc-4267-8cf2-8fe3bddfe83b#train");
    assertThat(footprint(f.runs().get(1)).pue()).as("no pue column: CodeCarbon's default").isEqualTo(1.0);
  }

  @Test
  void rowsThatCannotBeUsedAreSkippedAndNamedByTheirLine() throws Exception {
    CodeCarbonFile f = read("bad-rows-emissions.csv");
    assertThat(f.runs()).extracting(r -> r.start().parameters().get("source_line")).containsExactly("2", "8");
    assertThat(f.skipped()).containsExactly(
        new SkippedRow(3, "30 fields where the header has 32"),
        new SkippedRow(4, "duration is not a number: 'ten'"),
        new SkippedRow(5, "no timestamp"),
        new SkippedRow(6, "no duration or energy"),
        new SkippedRow(7, "emissions is negative: -0.000319"),
        new SkippedRow(9, "a quote opened here is never closed"));
    assertThat(f.skipped().get(1)).hasToString("line 4 (duration is not a number: 'ten')");
  }

  @Test
  void aQuoteNeverClosedNamesTheLinesItSwallows() throws Exception {
    String text = "timestamp,duration,emissions,energy_consumed,cpu_model\n"
        + "2025-01-01T00:00:00,1,0.1,0.2,\"AMD, 8-Core\n"
        + "2025-01-01T00:01:00,1,0.1,0.2,x\n"
        + "2025-01-01T00:02:00,1,0.1,0.2,y\n";
    CodeCarbonFile f = CodeCarbonImport.read(text.getBytes(), "cut.csv", UTC);
    assertThat(f.runs()).isEmpty();
    assertThat(f.skipped()).containsExactly(
        new SkippedRow(2, "a quote opened here is never closed: lines 2 to 4 are lost"));
  }

  @Test
  void aFileThatIsNotWindows1252OrUtf8IsReadAsWindows1252() throws Exception {
    byte[] latin = "timestamp,duration,energy_consumed,region\n2021-06-01T12:00:00,10,0.2,provence-alpes-c\u00f4te d'azur\n"
        .getBytes(java.nio.charset.Charset.forName("windows-1252"));
    ImportedRun r = CodeCarbonImport.read(latin, "win.csv", UTC).runs().getFirst();
    assertThat(r.start().parameters()).containsEntry("region", "provence-alpes-c\u00f4te d'azur");
  }

  @Test
  void numbersAreWhatPythonWritesAndNanIsMissing() throws Exception {
    String text = "timestamp,duration,emissions,energy_consumed\n"
        + "2025-01-01T00:00:00,1.5e+01,nan,.25\n"
        + "2025-01-01T00:01:00,12f,0.1,0.2\n"
        + "2025-01-01T00:02:00,Infinity,0.1,0.2\n"
        + "2025-01-01T00:03:00,1e999,0.1,0.2\n";
    CodeCarbonFile f = CodeCarbonImport.read(text.getBytes(), "n.csv", UTC);
    assertThat(f.runs()).hasSize(1);
    Footprint fp = footprint(f.runs().getFirst());
    assertThat(fp.kwh()).isEqualTo(0.25);
    assertThat(fp.knownEmissionsKg()).isEmpty();
    assertThat(f.skipped()).containsExactly(new SkippedRow(3, "duration is not a number: '12f'"),
        new SkippedRow(4, "duration is not a number: 'Infinity'"),
        new SkippedRow(5, "duration is not a finite number: '1e999'"));
  }

  @Test
  void timestampsWithoutAZoneAreReadInTheZoneGiven() throws Exception {
    String text = "timestamp,duration,energy_consumed\n2025-06-10T09:12:02.123456,10,0.1\n2025-06-10T09:12:02+02:00,10,0.1\n";
    CodeCarbonFile f = CodeCarbonImport.read(text.getBytes(), "tz.csv", ZoneId.of("Europe/Madrid"));
    assertThat(f.runs()).extracting(r -> r.end().end()).containsExactly(
        Instant.parse("2025-06-10T07:12:02.123456Z"), Instant.parse("2025-06-10T07:12:02Z"));
  }
}
