package io.lowcarb.compress.prune;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.OnnxExport;
import io.lowcarb.compress.OnnxModel;
import io.lowcarb.train.data.Digits;
import io.lowcarb.train.data.LabeledData;
import io.lowcarb.train.model.LayerSpec;
import io.lowcarb.train.model.ModelSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing hidden neurons gives a smaller dense model that computes what the masked one does. */
class NeuronPruningTest {
  private static final LabeledData DIGITS = Digits.load();

  @TempDir Path dir;

  @Test
  void theSmallerModelGivesTheMaskedModelsScoresOnDigits() throws Exception {
    Random random = new Random(5);
    ModelSpec spec = new ModelSpec("deep", List.of(new LayerSpec.Flatten(), new LayerSpec.Dense(32),
        new LayerSpec.Relu(), new LayerSpec.Dropout(0.2f), new LayerSpec.Dense(16), new LayerSpec.Relu(),
        new LayerSpec.Dense(10)));
    Checkpoint dense = new Checkpoint(spec, 4.9, 6.0, List.of(Map.of(),
        Map.of("weight", MagnitudePruningTest.tensor(random, 0.3f, 32, 64), "bias", MagnitudePruningTest.tensor(random, 1, 32)),
        Map.of(), Map.of(),
        Map.of("weight", MagnitudePruningTest.tensor(random, 0.3f, 16, 32), "bias", MagnitudePruningTest.tensor(random, 1, 16)),
        Map.of(),
        Map.of("weight", MagnitudePruningTest.tensor(random, 0.3f, 10, 16), "bias", MagnitudePruningTest.tensor(random, 1, 10))));

    NeuronPruning.Plan plan = NeuronPruning.plan(dense, 0.5);
    assertThat(plan.kept().keySet()).containsExactly(1, 4);
    Checkpoint smaller = NeuronPruning.shrunk(dense, plan);
    assertThat(smaller.spec().layers()).containsExactly(new LayerSpec.Flatten(), new LayerSpec.Dense(16),
        new LayerSpec.Relu(), new LayerSpec.Dropout(0.2f), new LayerSpec.Dense(8), new LayerSpec.Relu(),
        new LayerSpec.Dense(10));
    assertThat(smaller.params()).isEqualTo(16 * 64 + 16 + 8 * 16 + 8 + 10 * 8 + 10);

    // Written and read back as a real smaller DJL checkpoint.
    Path params = CheckpointFiles.write(smaller, DIGITS.shape(), dir.resolve("smaller"), 1);
    Checkpoint reread = Checkpoint.read(params);
    assertThat(reread.spec()).isEqualTo(smaller.spec());

    float[][] masked = scores(NeuronPruning.masked(dense, plan), "masked");
    float[][] shrunk = scores(reread, "shrunk");
    double worst = 0;
    for (int i = 0; i < masked.length; i++) {
      for (int c = 0; c < 10; c++) {
        worst = Math.max(worst, Math.abs(masked[i][c] - shrunk[i][c]));
      }
    }
    System.out.printf("neurons 32-16 -> 16-8: params %d -> %d, largest score difference %.3g%n", dense.params(),
        smaller.params(), worst);
    assertThat(worst).isLessThan(1e-5);
  }

  @Test
  void theStrongestUnitsAreKept() {
    Checkpoint c = MagnitudePruningTest.mlp(9);
    float[] w = c.weights().get(1).get("weight").values();
    for (int i = 0; i < 64; i++) {
      w[3 * 64 + i] *= 100; // unit 3 is by far the strongest
    }
    assertThat(NeuronPruning.plan(c, 15.0 / 16).kept().get(1)).containsExactly(3);
  }

  private float[][] scores(Checkpoint checkpoint, String name) throws Exception {
    Path onnx = dir.resolve(name + ".onnx");
    OnnxExport.write(checkpoint, DIGITS.shape(), onnx);
    try (OnnxModel model = OnnxModel.open(onnx)) {
      return model.predict(DIGITS.features(), DIGITS.size());
    }
  }
}
