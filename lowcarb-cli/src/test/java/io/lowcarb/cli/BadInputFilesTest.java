package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.Tensor;
import io.lowcarb.compress.prune.CheckpointFiles;
import io.lowcarb.train.model.ModelSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample of the fuzz corpora of the file readers (see each module's *FuzzTest) through the CLI in
 * this JVM: exit status 2, one line on stderr naming the file, no stack trace, and no output written.
 */
class BadInputFilesTest {
  @TempDir Path dir;

  private static void assertRefused(Cli.Result r, Path file, Path... outputs) {
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip().lines()).as("one line: " + r.err()).hasSize(1);
    assertThat(r.err()).contains(file.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    for (Path out : outputs) {
      assertThat(out).as("no output written").doesNotExist();
    }
  }

  private static byte[] ints(int size, int... values) {
    ByteBuffer b = ByteBuffer.allocate(size);
    for (int v : values) {
      b.putInt(v);
    }
    return b.array();
  }

  @Test
  void aCsvDatasetInLatin1() throws Exception {
    Path csv = Files.write(dir.resolve("latin1.csv"), "x,label\n1,caf\u00e9\n2,th\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    Path out = dir.resolve("out");
    Path json = dir.resolve("train.json");
    assertRefused(Cli.inProcess("train", "--dataset", csv.toString(), "--out", out.toString(), "--json", json.toString(),
        "--intensity", "100"), csv, out, json);
  }

  @Test
  void aCsvDatasetWithNaN() throws Exception {
    Path csv = Files.writeString(dir.resolve("nan.csv"), "x,label\n1,a\nNaN,b\n");
    Path out = dir.resolve("out");
    assertRefused(Cli.inProcess("train", "--dataset", csv.toString(), "--out", out.toString(), "--intensity", "100"), csv, out);
  }

  @Test
  void aModelSpecWithUnitsBeyondAnInt() throws Exception {
    Path spec = Files.writeString(dir.resolve("spec.json"), "{\"layers\": [{\"type\": \"dense\", \"units\": 1e309}]}");
    Path out = dir.resolve("out");
    assertRefused(Cli.inProcess("train", "--dataset", "digits", "--model", spec.toString(), "--out", out.toString(),
        "--intensity", "100"), spec, out);
  }

  @Test
  void idxLabelsClaiming2GbOnA100ByteFile() throws Exception {
    assumeTrue(System.getenv("LOWCARB_CACHE") == null, "the dataset cache is found through user.home only without LOWCARB_CACHE");
    Path home = dir.resolve("home");
    Path mnist = Files.createDirectories(home.resolve(".cache/lowcarb/datasets/mnist"));
    Path labels = Files.write(mnist.resolve("train-labels-idx1-ubyte"), ints(100, 0x801, Integer.MAX_VALUE));
    Files.write(mnist.resolve("t10k-labels-idx1-ubyte"), ints(100, 0x801, Integer.MAX_VALUE));
    Files.write(mnist.resolve("train-images-idx3-ubyte"), ints(100, 0x803, 60000, 28, 28));
    Files.write(mnist.resolve("t10k-images-idx3-ubyte"), ints(100, 0x803, 10000, 28, 28));
    Path out = dir.resolve("out");
    String saved = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
    try {
      assertRefused(Cli.inProcess("train", "--dataset", "mnist", "--out", out.toString(), "--intensity", "100"), labels, out);
    } finally {
      System.setProperty("user.home", saved);
    }
  }

  @Test
  void aPipelineWithAControlCharacter() throws Exception {
    Path yaml = Files.writeString(dir.resolve("p.yaml"), "name: a\u0007b\ntarget_accuracy: 0.9\nsteps: []\nout: "
        + dir.resolve("pipeline-out") + "\n");
    assertRefused(Cli.inProcess("pipeline", "run", yaml.toString()), yaml, dir.resolve("pipeline-out"));
  }

  @Test
  void anOnnxFileCutShort() throws Exception {
    Path onnx = Files.write(dir.resolve("cut.onnx"), new byte[] {0x08, 0x07, 0x12, 0x7F, 'l', 'o', 'w'});
    Path json = dir.resolve("infer.json");
    assertRefused(Cli.inProcess("infer", "--model", onnx.toString(), "--json", json.toString(), "--intensity", "100"), onnx, json);
  }

  /** A lowcarb checkpoint whose first array claims 2 GB. */
  private Path checkpointClaiming2Gb() throws Exception {
    Checkpoint tiny = new Checkpoint(ModelSpec.mlp(2, 3), 0, 1, List.of(Map.of(),
        Map.of("weight", new Tensor(new long[] {2, 4}, new float[8]), "bias", new Tensor(new long[] {2}, new float[2])),
        Map.of(),
        Map.of("weight", new Tensor(new long[] {3, 2}, new float[6]), "bias", new Tensor(new long[] {3}, new float[3]))));
    Path params = CheckpointFiles.write(tiny, new long[] {4}, dir.resolve("ckpt"), 1);
    byte[] bytes = Files.readAllBytes(params);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    ByteBuffer.wrap(bytes).putInt(text.indexOf('<', text.indexOf("NDAR")) + 1, Integer.MAX_VALUE);
    return Files.write(params, bytes);
  }

  @Test
  void aCheckpointClaiming2GbForCompress() throws Exception {
    Path params = checkpointClaiming2Gb();
    Path export = dir.resolve("model.onnx");
    assertRefused(Cli.inProcess("compress", "--from", params.toString(), "--export", export.toString(),
        "--intensity", "100"), params, export);
  }

  @Test
  void aCheckpointClaiming2GbForTrainInitFrom() throws Exception {
    Path params = checkpointClaiming2Gb();
    Path out = dir.resolve("out");
    Cli.Result r = Cli.inProcess("train", "--dataset", "digits", "--model", "mlp:2", "--init-from", params.toString(),
        "--out", out.toString(), "--epochs", "1", "--intensity", "100");
    assertRefused(r, params, out);
  }
}
