package io.lowcarb.compress.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.Tensor;
import io.lowcarb.train.model.ModelSpec;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MagnitudePruningTest {
  /** An MLP 64-16-10 with random weights; the second layer's weights are ten times smaller. */
  static Checkpoint mlp(long seed) {
    Random random = new Random(seed);
    return new Checkpoint(ModelSpec.mlp(16, 10), 3, 2, List.of(
        Map.of(),
        Map.of("weight", tensor(random, 1, 16, 64), "bias", tensor(random, 1, 16)),
        Map.of(),
        Map.of("weight", tensor(random, 0.1f, 10, 16), "bias", tensor(random, 1, 10))));
  }

  static Tensor tensor(Random random, float scale, long... shape) {
    int n = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian() * scale;
    }
    return new Tensor(shape, v);
  }

  @Test
  void globalPruningUsesOneThresholdAndPrunesExactlyTheFraction() {
    Checkpoint c = mlp(1);
    Masks masks = MagnitudePruning.masks(c, 0.9, MagnitudePruning.Scope.GLOBAL);
    assertThat(masks.prunable()).isEqualTo(16 * 64 + 10 * 16);
    assertThat(masks.pruned()).isEqualTo(Math.round(0.9 * (16 * 64 + 10 * 16)));
    // One threshold: every kept weight is at least as large as every pruned one.
    float largestPruned = 0;
    float smallestKept = Float.MAX_VALUE;
    for (var e : masks.keep().entrySet()) {
      float[] w = c.weights().get(e.getKey()).get("weight").values();
      for (int i = 0; i < w.length; i++) {
        if (e.getValue()[i]) {
          smallestKept = Math.min(smallestKept, Math.abs(w[i]));
        } else {
          largestPruned = Math.max(largestPruned, Math.abs(w[i]));
        }
      }
    }
    assertThat(largestPruned).isLessThanOrEqualTo(smallestKept);
    // The small second layer is pruned harder than the first.
    assertThat(sparsity(masks.keep().get(3))).isGreaterThan(sparsity(masks.keep().get(1)));
  }

  @Test
  void perLayerPruningGivesEveryLayerTheSameSparsity() {
    Masks masks = MagnitudePruning.masks(mlp(2), 0.75, MagnitudePruning.Scope.PER_LAYER);
    assertThat(sparsity(masks.keep().get(1))).isEqualTo(0.75);
    assertThat(sparsity(masks.keep().get(3))).isEqualTo(0.75);
  }

  @Test
  void biasesAreNotPrunedAndPrunedWeightsAreZero() {
    Checkpoint c = mlp(3);
    Checkpoint pruned = MagnitudePruning.apply(c, MagnitudePruning.masks(c, 0.5, MagnitudePruning.Scope.GLOBAL));
    assertThat(pruned.weights().get(1).get("bias").values()).containsExactly(c.weights().get(1).get("bias").values());
    long zeros = MagnitudePruning.prunable(pruned).values().stream().mapToLong(t -> t.size() - t.nonzero()).sum();
    assertThat(zeros).isEqualTo(Math.round(0.5 * (16 * 64 + 10 * 16)));
    assertThat(pruned.inputMean()).isEqualTo(3);
  }

  @Test
  void tiesAtTheThresholdStillGiveTheExactCount() {
    Checkpoint c = new Checkpoint(ModelSpec.mlp(2, 2), 0, 1, List.of(Map.of(),
        Map.of("weight", new Tensor(new long[] {2, 2}, new float[] {1, 1, 1, 1})), Map.of(),
        Map.of("weight", new Tensor(new long[] {2, 2}, new float[] {1, -1, 1, 2}))));
    assertThat(MagnitudePruning.masks(c, 0.5, MagnitudePruning.Scope.GLOBAL).pruned()).isEqualTo(4);
    assertThatThrownBy(() -> MagnitudePruning.masks(c, 1.5, MagnitudePruning.Scope.GLOBAL))
        .hasMessage("the sparsity must be in [0, 1], got 1.5");
  }

  private static double sparsity(boolean[] keep) {
    int pruned = 0;
    for (boolean k : keep) {
      if (!k) {
        pruned++;
      }
    }
    return (double) pruned / keep.length;
  }
}
