package io.lowcarb.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineYamlTest {
  @TempDir Path dir;

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("p.yaml"), yaml);
  }

  @Test
  void aFullPipelineIsRead() throws Exception {
    Path f = write("""
        name: digits-green
        dataset: digits
        model: mlp
        target_accuracy: 0.95
        zone: ES
        training: {epochs: 12, batch_size: 64, lr: 0.005, max_co2: 20g}
        schedule: {series: es.csv, deadline: 2026-12-01T00:00Z, estimate: 30m}
        steps:
          - transfer: {from: pre/model-0003.params, freeze: [0]}
          - distil: {student: "mlp:32", epochs: 6}
          - prune: {ratio: 0.75, structured: true}
          - quantize: {max_accuracy_drop: 0.02}
        out: out
        """);
    Pipeline p = PipelineYaml.read(f);
    assertThat(p.name()).isEqualTo("digits-green");
    assertThat(p.targetAccuracy()).isEqualTo(0.95);
    assertThat(p.training().epochs()).isEqualTo(12);
    assertThat(p.training().batchSize()).isEqualTo(64);
    assertThat(p.training().maxCo2()).contains("20g");
    assertThat(p.training().maxEnergy()).isEmpty();
    assertThat(p.out()).isEqualTo(dir.resolve("out"));
    assertThat(p.transfer().orElseThrow().from()).isEqualTo(dir.resolve("pre/model-0003.params"));
    assertThat(p.transfer().orElseThrow().freeze()).containsExactly(0);
    assertThat(p.distil().orElseThrow().student()).isEqualTo("mlp:32");
    assertThat(p.distil().orElseThrow().temperature()).isEqualTo(4);
    assertThat(p.prune().orElseThrow().structured()).isTrue();
    assertThat(p.prune().orElseThrow().fineTuneEpochs()).isEqualTo(3);
    assertThat(p.quantize().orElseThrow().maxAccuracyDrop()).isEqualTo(0.02);
    assertThat(p.quantize().orElseThrow().calibrationSamples()).isEqualTo(512);
    Pipeline.Schedule s = p.schedule().orElseThrow();
    assertThat(s.series()).contains(dir.resolve("es.csv"));
    assertThat(s.deadline()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(s.estimate()).isEqualTo(Duration.ofMinutes(30));
    assertThat(StepOrder.quantizeBeforePrune(p.steps())).isFalse();
  }

  @Test
  void mistakesAreNamedWithTheirLine() throws Exception {
    expect("""
        target_accuracy: 0.9
        epochz: 3
        steps: []
        """, "line 2: unknown top-level key 'epochz' (known: dataset, model, name, out, schedule, steps, target_accuracy, training, zone)");
    expect("""
        target_accuracy: 0.9
        steps:
          - prune: {ratio: 0.5}
          - sharpen: {}
        """, "line 4: unknown step 'sharpen': use transfer, distil, prune or quantize");
    expect("""
        target_accuracy: 0.9
        steps:
          - quantize: {}
          - distil: {student: "mlp:16"}
        """, "line 4: distil after quantize cannot work");
    expect("""
        target_accuracy: 0.9
        steps:
          - prune: {ratio: 0.5}
          - transfer: {from: x.params}
        """, "line 4: transfer starts the training: it must be the first step");
    expect("""
        target_accuracy: 0.9
        steps:
          - prune: {ratio: 1.5}
        """, "line 3: prune ratio must be in [0, 1), got 1.5");
    expect("""
        target_accuracy: 0.9
        steps:
          - prune: {ratio: 0.5, fine_tune: 2}
        """, "line 3: unknown prune key 'fine_tune'");
    expect("""
        dataset: digits
        steps: []
        """, "line 1: 'target_accuracy' is missing");
    expect("""
        target_accuracy: [0.9
        """, "not valid YAML");
  }

  @Test
  void quantizeBeforePruneIsAccepted() throws Exception {
    Pipeline p = PipelineYaml.read(write("""
        target_accuracy: 0.9
        steps:
          - quantize: {}
          - prune: {ratio: 0.5}
        """));
    assertThat(StepOrder.quantizeBeforePrune(p.steps())).isTrue();
    assertThat(p.zone()).isEqualTo("world");
    assertThat(p.name()).isEqualTo("p");
  }

  private void expect(String yaml, String message) throws Exception {
    Path f = write(yaml);
    assertThatThrownBy(() -> PipelineYaml.read(f)).isInstanceOf(PipelineException.class)
        .hasMessageStartingWith(f.toString()).hasMessageContaining(message);
  }

  @Test
  void anEmptyFileIsNamedAsEmpty() throws Exception {
    Path f = write("");
    assertThatThrownBy(() -> PipelineYaml.read(f)).isInstanceOf(PipelineException.class)
        .hasMessageStartingWith(f + " is empty: a pipeline is a mapping");
  }

  @Test
  void aControlCharacterIsInvalidYamlInOneLine() throws Exception {
    Path f = write("name: a\u0007b\ntarget_accuracy: 0.9\nsteps: []\n");
    assertThatThrownBy(() -> PipelineYaml.read(f)).isInstanceOf(PipelineException.class)
        .hasMessage(f + ": not valid YAML: character 7 (hex) at character 7 is not allowed");
  }

  @Test
  void nestingBeyondTheLoadersLimitIsInvalidYaml() throws Exception {
    Path f = write("[".repeat(1000));
    assertThatThrownBy(() -> PipelineYaml.read(f)).isInstanceOf(PipelineException.class)
        .hasMessage(f + ": not valid YAML: Nesting Depth exceeded max 50");
  }

  @Test
  void aFileInAnotherEncodingIsNamedWithItsFirstBadByte() throws Exception {
    Path f = dir.resolve("latin1.yaml");
    Files.write(f, "name: r\u00e9seau\ntarget_accuracy: 0.9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> PipelineYaml.read(f)).isInstanceOf(PipelineException.class)
        .hasMessage(f + " is not UTF-8 text: byte 7 is not UTF-8 (save it as UTF-8)");
  }

  @Test
  void aFileLargerThanAnyPipelineIsRefusedBeforeParsing() throws Exception {
    Path f = write("name: " + "9".repeat(PipelineYaml.MAX_BYTES) + "\n");
    assertThatThrownBy(() -> PipelineYaml.read(f)).isInstanceOf(PipelineException.class)
        .hasMessage(f + " is " + Files.size(f) + " bytes; a pipeline file is at most " + PipelineYaml.MAX_BYTES);
  }
}
