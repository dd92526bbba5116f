package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lowcarb pipeline run} and {@code lowcarb demo}. */
class PipelineCommandTest {
  @TempDir Path dir;

  @Test
  void aPipelineFileWithAMistakeIsOneLineNamingItsLine() throws Exception {
    Path yaml = Files.writeString(dir.resolve("p.yaml"), """
        target_accuracy: 0.9
        steps:
          - quantize: {}
          - distil: {student: "mlp:16"}
        """);
    Cli.Result r = Cli.inProcess("pipeline", "run", yaml.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("pipeline run: " + yaml + " line 4: distil after quantize cannot work:"
        + " distillation trains a new model and would discard it; distil first");
    assertThat(Cli.inProcess("pipeline", "run", dir.resolve("missing.yaml").toString()).err().strip())
        .isEqualTo("pipeline run: no such file: " + dir.resolve("missing.yaml"));
  }

  @Test
  void aTargetTheBaselineNeverReachesStopsThePipelineAndResumeGoesOn() throws Exception {
    Path yaml = Files.writeString(dir.resolve("p.yaml"), """
        target_accuracy: 0.999
        zone: ES
        training: {epochs: 1}
        steps:
          - prune: {ratio: 0.5}
        out: out
        """);
    String store = "jdbc:h2:file:" + dir.resolve("runs");
    Cli.Result r = Cli.inProcess("pipeline", "run", yaml.toString(), "--store", store);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).containsPattern("pipeline: the baseline reached 0\\.\\d{4} \\(validation; 0\\.\\d{4} on test\\), below the target 0\\.9990: stopping");
    assertThat(dir.resolve("out/train.json")).exists();
    assertThat(dir.resolve("out/compress.json")).doesNotExist();
    // The pipeline is a run, failed with its reason; its training is recorded under it.
    String pipeline = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(dir.resolve("out/pipeline-state.json").toFile()).get("run_id").asText();
    String trainRun = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(dir.resolve("out/train.json").toFile()).get("run_id").asText();
    try (io.lowcarb.track.RunStore runs = io.lowcarb.track.RunStore.open(store)) {
      io.lowcarb.track.Run p = runs.get(pipeline);
      assertThat(p.kind()).isEqualTo(io.lowcarb.track.RunKind.PIPELINE);
      assertThat(p.status()).isEqualTo(io.lowcarb.track.RunStatus.FAILED);
      assertThat(p.message()).contains("below the target");
      assertThat(runs.get(trainRun).parentId()).contains(pipeline);
      assertThat(runs.children(pipeline)).extracting(io.lowcarb.track.Run::id).containsExactly(trainRun);
      assertThat(p.footprint().orElseThrow().kwh()).as("the sum of its steps")
          .isEqualTo(runs.get(trainRun).footprint().orElseThrow().kwh());
    }
    Cli.Result show = Cli.inProcess("runs", "show", trainRun, "--store", store);
    assertThat(show.out()).contains("parent run             " + pipeline);
    // Run again without --resume: refused, nothing lost.
    Cli.Result again = Cli.inProcess("pipeline", "run", yaml.toString(), "--store", store);
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err().strip()).endsWith("holds a pipeline run already: add --resume to go on with it, or set another out");
    // --resume does not train again: the training is done, the target still unmet.
    Cli.Result resumed = Cli.inProcess("pipeline", "run", yaml.toString(), "--store", store, "--resume");
    assertThat(resumed.exit()).isEqualTo(2);
    assertThat(resumed.err()).doesNotContain("pipeline: train:").contains("below the target");
    try (io.lowcarb.track.RunStore runs = io.lowcarb.track.RunStore.open(store)) {
      assertThat(runs.list(new io.lowcarb.track.RunFilter(java.util.Optional.of(io.lowcarb.track.RunKind.PIPELINE),
          java.util.Optional.empty(), java.util.Optional.empty(), 10))).as("resumed: the same run")
          .extracting(io.lowcarb.track.Run::id).containsExactly(pipeline);
    }
  }

  @Test
  void theDemoEndsWithASmallerCheaperModelAndItsTable() throws Exception {
    Path log = dir.resolve("demo.log");
    Path out = dir.resolve("demo-out");
    Process p = Cli.spawn(log, Map.of("LOWCARB_STORE", "jdbc:h2:file:" + dir.resolve("runs")), "demo", "--out",
        out.toString());
    assertThat(p.waitFor(400, TimeUnit.SECONDS)).as("finished").isTrue();
    String text = Files.readString(log);
    assertThat(p.exitValue()).as(text).isZero();
    Matcher m = Pattern.compile("final model: \\S+, (0\\.\\d+) accuracy \\(baseline (0\\.\\d+), [-+][0-9.]+ points\\),"
        + " ([0-9.]+)x smaller, ([0-9.]+)x cheaper").matcher(text);
    assertThat(m.find()).as(text).isTrue();
    double accuracy = Double.parseDouble(m.group(1));
    double baseline = Double.parseDouble(m.group(2));
    assertThat(baseline).isGreaterThanOrEqualTo(0.95);
    assertThat(accuracy).isGreaterThanOrEqualTo(baseline - 0.015);
    assertThat(Double.parseDouble(m.group(3))).isGreaterThanOrEqualTo(5.0);
    assertThat(Double.parseDouble(m.group(4))).isPositive();
    assertThat(text).contains("baseline", "distilled", "pruned-structured", "pruned-int8");
    assertThat(out.resolve("pipeline.yaml")).exists();
    assertThat(out.resolve("model.pruned.int8.onnx")).exists();
  }
}
