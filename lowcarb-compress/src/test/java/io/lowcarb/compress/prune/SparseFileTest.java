package io.lowcarb.compress.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparseFileTest {
  @TempDir Path dir;

  private static Checkpoint pruned() {
    Checkpoint c = MagnitudePruningTest.mlp(11);
    return MagnitudePruning.apply(c, MagnitudePruning.masks(c, 0.9, MagnitudePruning.Scope.GLOBAL));
  }

  @Test
  void fp32RoundTripsExactlyAndIsSmallerThanDense() throws Exception {
    Checkpoint c = pruned();
    Path file = dir.resolve("model.lcsp");
    StorageReport report = SparseFile.write(c, SparseFile.Encoding.FP32, file);
    Checkpoint back = SparseFile.read(file);
    assertThat(back.spec()).isEqualTo(c.spec());
    assertThat(back.inputMean()).isEqualTo(c.inputMean());
    assertThat(back.inputStd()).isEqualTo(c.inputStd());
    for (int i = 0; i < c.weights().size(); i++) {
      assertThat(back.weights().get(i).keySet()).isEqualTo(c.weights().get(i).keySet());
      for (var e : c.weights().get(i).entrySet()) {
        Tensor t = back.weights().get(i).get(e.getKey());
        assertThat(t.shape()).containsExactly(e.getValue().shape());
        assertThat(t.values()).containsExactly(e.getValue().values());
      }
    }
    long params = 16 * 64 + 16 + 10 * 16 + 10;
    assertThat(report.params()).isEqualTo(params);
    assertThat(report.nonzero()).isEqualTo(params - Math.round(0.9 * (16 * 64 + 10 * 16)));
    assertThat(report.denseBytes()).isEqualTo(4 * params);
    assertThat(report.fileBytes()).isEqualTo(Files.size(file));
    System.out.printf("sparse fp32 at 90%%: %s, %.3f of dense%n", report, report.ratio());
    assertThat(report.ratio()).isLessThan(0.3);
  }

  @Test
  void int8KeepsTheZerosAndEveryValueWithinOneStep() throws Exception {
    Checkpoint c = pruned();
    Path file = dir.resolve("model.lcsp8");
    StorageReport report = SparseFile.write(c, SparseFile.Encoding.INT8, file);
    StorageReport fp32 = SparseFile.write(c, SparseFile.Encoding.FP32, dir.resolve("fp32.lcsp"));
    System.out.printf("sparse int8 at 90%%: %s, %.3f of dense%n", report, report.ratio());
    assertThat(report.fileBytes()).isLessThan(fp32.fileBytes());
    Checkpoint back = SparseFile.read(file);
    for (var e : MagnitudePruning.prunable(c).entrySet()) {
      float[] before = e.getValue().values();
      float[] after = back.weights().get(e.getKey()).get("weight").values();
      float max = 0;
      for (float v : before) {
        max = Math.max(max, Math.abs(v));
      }
      for (int i = 0; i < before.length; i++) {
        assertThat(after[i] == 0).isEqualTo(before[i] == 0);
        assertThat(after[i]).isCloseTo(before[i], org.assertj.core.data.Offset.offset(max / 127 + 1e-7f));
      }
    }
    assertThat(back.weights().get(1).get("bias").values()).containsExactly(c.weights().get(1).get("bias").values());
  }

  @Test
  void aFileThatIsNotSparseIsNamedAsSuch() throws Exception {
    Path text = dir.resolve("notes.lcsp");
    Files.writeString(text, "plain text");
    assertThatThrownBy(() -> SparseFile.read(text)).hasMessage(text + " is not a lowcarb sparse file (version 1)");
    Path cut = dir.resolve("cut.lcsp");
    SparseFile.write(pruned(), SparseFile.Encoding.FP32, cut);
    byte[] bytes = Files.readAllBytes(cut);
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> SparseFile.read(cut)).hasMessageContaining("ends early");
  }
}
