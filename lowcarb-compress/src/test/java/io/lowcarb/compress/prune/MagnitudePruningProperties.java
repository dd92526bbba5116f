package io.lowcarb.compress.prune;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** Magnitude pruning for any weights and sparsity. */
class MagnitudePruningProperties {
  @Property(tries = 200)
  void globalPruningPrunesExactlyTheRoundedFractionBelowOneThreshold(
      @ForAll long seed, @ForAll @DoubleRange(min = 0, max = 1) double sparsity) {
    Checkpoint c = coarse(seed);
    Masks masks = MagnitudePruning.masks(c, sparsity, MagnitudePruning.Scope.GLOBAL);
    assertThat(masks.pruned()).isEqualTo(Math.round(sparsity * masks.prunable()));
    float largestPruned = -1;
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
  }

  @Property(tries = 200)
  void perLayerPruningPrunesTheRoundedFractionOfEachLayer(
      @ForAll long seed, @ForAll @DoubleRange(min = 0, max = 1) double sparsity) {
    Masks masks = MagnitudePruning.masks(coarse(seed), sparsity, MagnitudePruning.Scope.PER_LAYER);
    for (boolean[] keep : masks.keep().values()) {
      long pruned = 0;
      for (boolean k : keep) {
        pruned += k ? 0 : 1;
      }
      assertThat(pruned).isEqualTo(Math.round(sparsity * keep.length));
    }
  }

  @Property(tries = 100)
  void aPrunedCheckpointHasTheMaskedZerosAndTheSameBiases(
      @ForAll long seed, @ForAll @DoubleRange(min = 0, max = 1) double sparsity) {
    Checkpoint c = coarse(seed);
    Masks masks = MagnitudePruning.masks(c, sparsity, MagnitudePruning.Scope.GLOBAL);
    Checkpoint pruned = MagnitudePruning.apply(c, masks);
    long zeros = MagnitudePruning.prunable(pruned).values().stream().mapToLong(t -> t.size() - t.nonzero()).sum();
    assertThat(zeros).isGreaterThanOrEqualTo(masks.pruned());
    assertThat(pruned.weights().get(3).get("bias").values()).containsExactly(c.weights().get(3).get("bias").values());
  }

  /** Weights rounded to a few values, so that ties at the threshold are common. */
  private static Checkpoint coarse(long seed) {
    Checkpoint c = MagnitudePruningTest.mlp(seed);
    java.util.List<java.util.Map<String, Tensor>> layers = new java.util.ArrayList<>();
    for (var params : c.weights()) {
      java.util.Map<String, Tensor> m = new java.util.LinkedHashMap<>(params);
      Tensor w = m.get("weight");
      if (w != null) {
        float[] v = w.values().clone();
        for (int i = 0; i < v.length; i++) {
          v[i] = Math.round(v[i] * 4) / 4f;
        }
        m.put("weight", new Tensor(w.shape(), v));
      }
      layers.add(m);
    }
    return new Checkpoint(c.spec(), c.inputMean(), c.inputStd(), layers);
  }
}
