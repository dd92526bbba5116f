package io.lowcarb.pipeline;

import io.lowcarb.fuzz.FuzzRun;
import io.lowcarb.fuzz.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline reader over the bad-input corpus (lowcarb-fuzz) and the seed files in resources/fuzz/pipeline. */
class PipelineYamlFuzzTest {
  @TempDir Path scratch;

  @Test
  void pipelineFiles() throws IOException {
    Target t = Target.of("pipeline YAML", "pipeline.yaml", PipelineYaml::read, PipelineException.class)
        .samples(Files.readAllBytes(Path.of("../examples/digits.yaml")), Files.readAllBytes(Path.of("../examples/mnist.yaml")),
            """
            name: all-keys
            dataset: digits
            model: mlp
            target_accuracy: 0.95
            zone: ES
            training: {epochs: 20, batch_size: 32, lr: 0.003, max_energy: 50Wh, max_co2: 20g, seed: 42}
            schedule: {series: ES.csv, deadline: 2026-12-01T00:00Z, estimate: 30m}
            steps:
              - transfer: {from: pretrained/model-0005.params, freeze: [0]}
              - distil: {student: "mlp:32", temperature: 4, alpha: 0.7, epochs: 10}
              - prune: {ratio: 0.75, structured: true, fine_tune_epochs: 3}
              - quantize: {max_accuracy_drop: 0.01, calibration_samples: 512}
            out: pipeline-out
            """.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .text()
        .seedFolder(Path.of("src/test/resources/fuzz/pipeline"));
    FuzzRun.run(t, scratch).assertClean();
  }
}
