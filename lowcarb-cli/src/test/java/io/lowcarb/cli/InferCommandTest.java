package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lowcarb compress} and {@code lowcarb infer} as a user runs them: on a model trained on the digits. */
class InferCommandTest {
  @TempDir Path dir;

  private static void assertUsageError(Cli.Result r, String expected) {
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains(expected).doesNotContain("Exception");
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Path text = dir.resolve("model.onnx");
    Files.writeString(text, "not a model\n");
    assertUsageError(Cli.inProcess("infer", "--model", text.toString()), text + " is not an ONNX model");
    assertUsageError(Cli.inProcess("infer", "--model", dir.resolve("missing.onnx").toString()), "no such file");
    assertUsageError(Cli.inProcess("infer", "--model", text.toString(), "--dataset", "imagenet"),
        "unknown dataset 'imagenet'");
    assertUsageError(Cli.inProcess("infer", "--model", text.toString(), "--latency-runs", "0"), "--latency-runs");
    assertUsageError(Cli.inProcess("infer"), "--model");
    assertUsageError(Cli.inProcess("compress", "--from", text.toString(), "--export", dir.resolve("m.onnx").toString(),
        "--quantize", "fp16"), "--quantize supports int8");
    assertUsageError(Cli.inProcess("compress", "--from", text.toString(), "--export", dir.resolve("m.onnx").toString(),
        "--prune", "1"), "--prune must be in [0, 1)");
    assertUsageError(Cli.inProcess("compress", "--from", text.toString(), "--export", dir.resolve("m.onnx").toString(),
        "--student", "mlp:16"), "--distill-teacher and --student go together");
    assertUsageError(Cli.inProcess("compress", "--from", text.toString(), "--export", dir.resolve("m.onnx").toString()),
        "is not a lowcarb checkpoint");
    assertUsageError(Cli.inProcess("compress", "--from", text.toString(), "--export", dir.resolve("m.onnx").toString(),
        "--structured"), "--structured goes with --prune RATIO");
  }

  @Test
  void exportsATrainedDigitsModelAndMeasuresItWithTheJsonContracts() throws Exception {
    Path out = dir.resolve("out");
    run("train", "--dataset", "digits", "--model", "mlp", "--epochs", "2", "--out", out.toString(), "--zone", "ES");
    Path onnx = dir.resolve("mlp.onnx");
    Path variants = dir.resolve("compress.json");
    run("compress", "--from", out.resolve("model-0002.params").toString(), "--export", onnx.toString(),
        "--json", variants.toString(), "--zone", "ES", "--duration", "1s", "--latency-runs", "100",
        "--prune", "0.9", "--fine-tune-epochs", "2", "--quantize", "int8", "--calibration-samples", "256");
    JsonNode all = new ObjectMapper().readTree(variants.toFile());
    JsonNode baseline = all.get("variants").get(0);
    JsonNode pruned = all.get("variants").get(1);
    assertThat(pruned.get("name").asText()).isEqualTo("pruned");
    assertThat(pruned.get("params").asLong()).isEqualTo(baseline.get("params").asLong());
    // 90 % of the 9,472 dense weights are zero; the 138 biases are not pruned.
    assertThat(pruned.get("nonzero_params").asLong()).isBetween(900L, 1100L);
    assertThat(pruned.get("accuracy").asDouble()).isGreaterThan(0.8);
    JsonNode int8 = all.get("variants").get(2);
    assertThat(int8.get("name").asText()).startsWith("pruned-int8");
    assertThat(int8.get("size_bytes").asLong()).isLessThan(baseline.get("size_bytes").asLong() * 10 / 25);
    assertThat(int8.get("accuracy").asDouble()).isGreaterThanOrEqualTo(pruned.get("accuracy").asDouble() - 0.0101);
    assertThat(Path.of(int8.get("file").asText())).exists();
    assertThat(all.at("/pruned_storage/bytes").asLong()).isLessThan(baseline.get("size_bytes").asLong() / 8);
    assertThat(Files.size(Path.of(all.at("/pruned_storage/file").asText()))).isEqualTo(all.at("/pruned_storage/bytes").asLong());
    assertThat(baseline.get("name").asText()).isEqualTo("baseline");
    assertThat(baseline.get("file").asText()).isEqualTo(onnx.toString());
    assertThat(baseline.get("nonzero_params").asLong()).isPositive().isLessThanOrEqualTo(baseline.get("params").asLong());
    for (String field : new String[] {"accuracy", "size_bytes", "latency_ms_p50", "throughput_per_s", "energy_j_per_1k",
        "emissions_g_per_1k"}) {
      assertThat(baseline.get(field).asDouble()).as(field).isPositive();
    }
    Path distilled = dir.resolve("distill.json");
    run("compress", "--from", out.resolve("model-0002.params").toString(), "--export", dir.resolve("d.onnx").toString(),
        "--distill-teacher", out.resolve("model-0002.params").toString(), "--student", "mlp:16", "--distill-epochs", "4",
        "--json", distilled.toString(), "--zone", "ES", "--duration", "1s", "--latency-runs", "100");
    JsonNode student = new ObjectMapper().readTree(distilled.toFile()).get("variants").get(1);
    assertThat(student.get("name").asText()).isEqualTo("distilled");
    assertThat(student.get("params").asLong()).isEqualTo(64 * 16 + 16 + 16 * 10 + 10);
    assertThat(student.get("accuracy").asDouble()).isGreaterThan(0.8);
    Path structured = dir.resolve("structured.json");
    String structuredLog = run("compress", "--from", out.resolve("model-0002.params").toString(), "--export",
        dir.resolve("s.onnx").toString(), "--prune", "0.75", "--structured", "--fine-tune-epochs", "3",
        "--json", structured.toString(), "--zone", "ES", "--duration", "1s", "--latency-runs", "100");
    JsonNode smaller = new ObjectMapper().readTree(structured.toFile()).get("variants").get(1);
    assertThat(smaller.get("name").asText()).isEqualTo("pruned-structured");
    // 128 hidden units become 32: the layers themselves shrink, every parameter left is used.
    assertThat(smaller.get("params").asLong()).isEqualTo(64 * 32 + 32 + 32 * 10 + 10);
    assertThat(smaller.get("nonzero_params").asLong()).isGreaterThan(smaller.get("params").asLong() * 9 / 10);
    assertThat(smaller.get("size_bytes").asLong()).isLessThan(baseline.get("size_bytes").asLong() / 3);
    assertThat(smaller.get("accuracy").asDouble()).isGreaterThan(0.85);
    assertThat(structuredLog).contains("removed 75 % of the hidden neurons");
    Path json = dir.resolve("infer.json");
    String log = run("infer", "--model", onnx.toString(), "--dataset", "digits", "--json", json.toString(),
        "--zone", "ES", "--duration", "1s", "--latency-runs", "200");
    JsonNode r = new ObjectMapper().readTree(json.toFile());
    assertThat(r.get("accuracy").asDouble()).isGreaterThan(0.8);
    assertThat(r.get("params").asLong()).isEqualTo(64 * 128 + 128 + 128 * 10 + 10);
    assertThat(r.get("size_bytes").asLong()).isEqualTo(Files.size(onnx));
    assertThat(r.get("latency_ms_p50").asDouble()).isPositive().isLessThanOrEqualTo(r.get("latency_ms_p99").asDouble());
    for (String field : new String[] {"throughput_per_s", "energy_j_per_1k", "emissions_g_per_1k"}) {
      assertThat(r.get(field).asDouble()).as(field).isPositive();
    }
    assertThat(log).contains("accuracy", "p50", "inferences/s", "per 1,000");
    // The same file, the same test part: the same accuracy.
    assertThat(r.get("accuracy").asDouble()).isEqualTo(baseline.get("accuracy").asDouble());
    // The run is recorded with its SCI per 1,000 inferences.
    java.util.regex.Matcher recorded = RunsCommandTest.RECORDED.matcher(log);
    assertThat(recorded.find()).as(log).isTrue();
    assertThat(r.get("run_id").asText()).isEqualTo(recorded.group(1));
    Cli.Result show = Cli.inProcess("runs", "show", recorded.group(1));
    assertThat(show.out()).as(show.err()).contains("(infer, finished)")
        .containsPattern("SCI +[0-9.]+ [mµn]?g per 1,000 inferences");
  }

  @Test
  void structuredPruningShrinksTheFiltersOfACnnTrainedOnDigits() throws Exception {
    Path out = dir.resolve("cnn");
    run("train", "--dataset", "digits", "--model", "cnn", "--epochs", "1", "--out", out.toString(), "--zone", "ES");
    Path json = dir.resolve("cnn.json");
    String log = run("compress", "--from", out.resolve("model-0001.params").toString(), "--export",
        dir.resolve("cnn.onnx").toString(), "--prune", "0.5", "--structured", "--fine-tune-epochs", "1",
        "--json", json.toString(), "--zone", "ES", "--duration", "1s", "--latency-runs", "100");
    JsonNode all = new ObjectMapper().readTree(json.toFile());
    JsonNode baseline = all.get("variants").get(0);
    JsonNode smaller = all.get("variants").get(1);
    assertThat(smaller.get("name").asText()).isEqualTo("pruned-structured");
    // 8x8 digits, two padded 3x3 convolutions each pooled by 2: the dense layer reads 2x2 per filter.
    assertThat(baseline.get("params").asLong())
        .isEqualTo(32 * 9 + 32 + 64 * 32 * 9 + 64 + 128 * 64 * 4 + 128 + 10 * 128 + 10);
    // Filters 32-64 become 16-32 and the 128 hidden units 64: the ONNX graph ONNX Runtime ran is that small.
    assertThat(smaller.get("params").asLong())
        .isEqualTo(16 * 9 + 16 + 32 * 16 * 9 + 32 + 64 * 32 * 4 + 64 + 10 * 64 + 10);
    assertThat(smaller.get("size_bytes").asLong()).isLessThan(baseline.get("size_bytes").asLong() / 3);
    assertThat(smaller.get("accuracy").asDouble()).isGreaterThan(0.8);
    assertThat(Path.of(smaller.get("file").asText())).exists();
    assertThat(log).contains("removed 50 % of the convolution filters and hidden neurons");
  }

  private String run(String... args) throws Exception {
    Path log = dir.resolve(args[0] + ".log");
    Process p = Cli.spawn(log, args);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(log);
    assertThat(p.exitValue()).as(text).isZero();
    return text;
  }
}
