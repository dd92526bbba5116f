package io.lowcarb.compress.prune;

import static io.lowcarb.compress.prune.MagnitudePruningTest.tensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.OnnxExport;
import io.lowcarb.compress.OnnxModel;
import io.lowcarb.compress.Tensor;
import io.lowcarb.train.data.Digits;
import io.lowcarb.train.data.LabeledData;
import io.lowcarb.train.model.LayerSpec;
import io.lowcarb.train.model.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing convolution filters gives a smaller CNN that computes what the masked one does. */
class ChannelPruningTest {
  private static final LabeledData DIGITS = Digits.load();

  @TempDir Path dir;

  @Test
  void theSmallerCnnGivesTheMaskedCnnsScoresOnDigits() throws Exception {
    // 8x8 -> conv (padding 1) 8x8 -> pool 4x4 -> conv 4x4 -> pool 2x2: the dense layer reads 16 x 4 columns.
    Checkpoint cnn = withRandomWeights(new ModelSpec("cnn", List.of(new LayerSpec.Conv2d(8, 3, 1),
        new LayerSpec.Relu(), new LayerSpec.MaxPool(2), new LayerSpec.Conv2d(16, 3, 1), new LayerSpec.Relu(),
        new LayerSpec.MaxPool(2), new LayerSpec.Flatten(), new LayerSpec.Dense(32), new LayerSpec.Relu(),
        new LayerSpec.Dense(10))), 64, new Random(11));
    assertThat(cnn.params()).isEqualTo(8 * 9 + 8 + 16 * 8 * 9 + 16 + 32 * 64 + 32 + 10 * 32 + 10);

    StructuredPruning.Plan plan = StructuredPruning.plan(cnn, DIGITS.shape(), 0.5);
    assertThat(plan.channels().kept().keySet()).containsExactly(0, 3);
    assertThat(plan.neurons().kept().keySet()).containsExactly(7);
    Checkpoint smaller = StructuredPruning.shrunk(cnn, plan);
    assertThat(smaller.spec().layers()).containsExactly(new LayerSpec.Conv2d(4, 3, 1), new LayerSpec.Relu(),
        new LayerSpec.MaxPool(2), new LayerSpec.Conv2d(8, 3, 1), new LayerSpec.Relu(), new LayerSpec.MaxPool(2),
        new LayerSpec.Flatten(), new LayerSpec.Dense(16), new LayerSpec.Relu(), new LayerSpec.Dense(10));
    assertThat(smaller.params()).isEqualTo(4 * 9 + 4 + 8 * 4 * 9 + 8 + 16 * 8 * 4 + 16 + 10 * 16 + 10);

    assertSameScores(cnn, plan, smaller, "cnn");
  }

  @Test
  void batchNormEntriesGoWithTheirFilters() throws Exception {
    // 8x8 -> conv (padding 1) 8x8 -> pool 4x4 -> conv (no padding) 2x2: the dense layer reads 12 x 4 columns.
    Checkpoint cnn = withRandomWeights(new ModelSpec("cnn-bn", List.of(new LayerSpec.Conv2d(8, 3, 1),
        new LayerSpec.BatchNorm(), new LayerSpec.Relu(), new LayerSpec.MaxPool(2), new LayerSpec.Conv2d(12, 3, 0),
        new LayerSpec.Relu(), new LayerSpec.BatchNorm(), new LayerSpec.Dropout(0.1f), new LayerSpec.Flatten(),
        new LayerSpec.Dense(10))), 48, new Random(12));

    StructuredPruning.Plan plan = StructuredPruning.plan(cnn, DIGITS.shape(), 0.75);
    assertThat(plan.neurons().kept()).isEmpty();
    Checkpoint smaller = StructuredPruning.shrunk(cnn, plan);
    // 8 filters keep 2, 12 keep 3; each batch norm keeps four values per channel.
    assertThat(smaller.spec().layers().get(0)).isEqualTo(new LayerSpec.Conv2d(2, 3, 1));
    assertThat(smaller.spec().layers().get(4)).isEqualTo(new LayerSpec.Conv2d(3, 3, 0));
    assertThat(smaller.weights().get(1).keySet()).containsExactlyInAnyOrder("gamma", "beta", "runningMean", "runningVar");
    smaller.weights().get(6).values().forEach(t -> assertThat(t.shape()).containsExactly(3));
    assertThat(smaller.params()).isEqualTo(2 * 9 + 2 + 4 * 2 + 3 * 2 * 9 + 3 + 4 * 3 + 10 * 3 * 4 + 10);

    assertSameScores(cnn, plan, smaller, "cnn-bn");
  }

  @Test
  void atLeastOneFilterStaysAndAWrongExampleShapeIsNamed() {
    Checkpoint cnn = withRandomWeights(new ModelSpec("one", List.of(new LayerSpec.Conv2d(3, 3, 1),
        new LayerSpec.Relu(), new LayerSpec.Flatten(), new LayerSpec.Dense(10))), 3 * 64, new Random(13));
    ChannelPruning.Plan plan = ChannelPruning.plan(cnn, DIGITS.shape(), 0.99);
    assertThat(plan.kept().get(0)).hasSize(1);
    assertThat(ChannelPruning.shrunk(cnn, plan).spec().layers().get(0)).isEqualTo(new LayerSpec.Conv2d(1, 3, 1));
    // A layer that feeds no other (the last convolution before a pooled output, a dense model) is left.
    assertThat(ChannelPruning.plan(MagnitudePruningTest.mlp(1), new long[] {1, 8, 8}, 0.5).kept()).isEmpty();
    assertThatThrownBy(() -> ChannelPruning.shrunk(cnn, ChannelPruning.plan(cnn, new long[] {1, 28, 28}, 0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reads 192 inputs, not 3 channels of 784");
  }

  /** Masked and shrunk give the same scores on every digit, through ONNX Runtime; the smaller one reloads in DJL. */
  private void assertSameScores(Checkpoint full, StructuredPruning.Plan plan, Checkpoint smaller, String name)
      throws Exception {
    Checkpoint reread = Checkpoint.read(CheckpointFiles.write(smaller, DIGITS.shape(), dir.resolve(name), 1));
    assertThat(reread.spec()).isEqualTo(smaller.spec());
    assertThat(reread.params()).isEqualTo(smaller.params());
    float[][] masked = scores(StructuredPruning.masked(full, plan), name + "-masked");
    float[][] shrunk = scores(reread, name + "-shrunk");
    float[][] unpruned = scores(full, name + "-full");
    double worst = 0;
    double changed = 0;
    for (int i = 0; i < masked.length; i++) {
      for (int c = 0; c < 10; c++) {
        worst = Math.max(worst, Math.abs(masked[i][c] - shrunk[i][c]));
        changed = Math.max(changed, Math.abs(masked[i][c] - unpruned[i][c]));
      }
    }
    System.out.printf("%s: params %d -> %d, largest score difference %.3g (pruning itself changed them by %.3g)%n",
        name, full.params(), smaller.params(), worst, changed);
    assertThat(changed).as("pruning changes the model").isGreaterThan(1e-3);
    assertThat(worst).isLessThan(1e-5);
  }

  /**
   * {@code spec} with random weights: convolutions {@code [filters, channels, k, k]}, batch norms with
   * positive variances, the first dense layer reading {@code flattened} inputs.
   */
  static Checkpoint withRandomWeights(ModelSpec spec, int flattened, Random random) {
    List<Map<String, Tensor>> weights = new ArrayList<>();
    long channels = 1;
    long inputs = flattened;
    for (LayerSpec layer : spec.layers()) {
      switch (layer) {
        case LayerSpec.Conv2d c -> {
          weights.add(Map.of("weight", tensor(random, 0.4f, c.filters(), channels, c.kernel(), c.kernel()),
              "bias", tensor(random, 0.1f, c.filters())));
          channels = c.filters();
        }
        case LayerSpec.BatchNorm b -> {
          Tensor variance = tensor(random, 1, channels);
          for (int i = 0; i < variance.size(); i++) {
            variance.values()[i] = 0.5f + Math.abs(variance.values()[i]);
          }
          weights.add(Map.of("gamma", tensor(random, 1, channels), "beta", tensor(random, 0.5f, channels),
              "runningMean", tensor(random, 0.5f, channels), "runningVar", variance));
        }
        case LayerSpec.Dense d -> {
          weights.add(Map.of("weight", tensor(random, 0.3f, d.units(), inputs), "bias", tensor(random, 0.1f, d.units())));
          inputs = d.units();
        }
        default -> weights.add(Map.of());
      }
    }
    return new Checkpoint(spec, 4.9, 6.0, weights);
  }

  private float[][] scores(Checkpoint checkpoint, String name) throws Exception {
    Path onnx = dir.resolve(name + ".onnx");
    OnnxExport.write(checkpoint, DIGITS.shape(), onnx);
    try (OnnxModel model = OnnxModel.open(onnx)) {
      return model.predict(DIGITS.features(), DIGITS.size());
    }
  }
}
