package io.lowcarb.compress.prune;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.Tensor;
import io.lowcarb.train.model.LayerSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Unstructured L1 magnitude pruning: the weights with the smallest absolute values are pruned. Only
 * the {@code weight} tensors of dense and convolution layers are prunable; biases and batch-norm
 * parameters are kept. Exactly {@code round(sparsity * n)} weights are pruned, {@code n} counted
 * over all prunable weights (global) or over each layer's (per layer); ties at the threshold are
 * broken in layer and row-major order.
 */
public final class MagnitudePruning {
  /** The parameter that is pruned. */
  public static final String WEIGHT = "weight";

  /** How the threshold is chosen. */
  public enum Scope {
    /** One threshold over all prunable weights, as {@code torch.nn.utils.prune.global_unstructured}. */
    GLOBAL,
    /** Each layer pruned to the same sparsity. */
    PER_LAYER
  }

  private MagnitudePruning() {}

  /**
   * The masks that prune {@code sparsity} of the prunable weights of {@code checkpoint}.
   *
   * @param sparsity the fraction of prunable weights to prune, in [0, 1]
   */
  public static Masks masks(Checkpoint checkpoint, double sparsity, Scope scope) {
    if (!(sparsity >= 0 && sparsity <= 1)) {
      throw new IllegalArgumentException("the sparsity must be in [0, 1], got " + sparsity);
    }
    Map<Integer, Tensor> weights = prunable(checkpoint);
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("the model " + checkpoint.spec().name() + " has no dense or conv2d weights");
    }
    Map<Integer, boolean[]> keep = new TreeMap<>();
    if (scope == Scope.PER_LAYER) {
      weights.forEach((layer, t) -> keep.put(layer, smallest(List.of(t.values()), sparsity).getFirst()));
    } else {
      List<Integer> layers = new ArrayList<>(weights.keySet());
      List<float[]> values = layers.stream().map(l -> weights.get(l).values()).toList();
      List<boolean[]> flags = smallest(values, sparsity);
      for (int i = 0; i < layers.size(); i++) {
        keep.put(layers.get(i), flags.get(i));
      }
    }
    return new Masks(keep);
  }

  /** {@code checkpoint} with its pruned weights set to zero. */
  public static Checkpoint apply(Checkpoint checkpoint, Masks masks) {
    List<Map<String, Tensor>> layers = new ArrayList<>();
    for (int i = 0; i < checkpoint.weights().size(); i++) {
      Map<String, Tensor> params = new LinkedHashMap<>(checkpoint.weights().get(i));
      boolean[] keep = masks.keep().get(i);
      if (keep != null) {
        Tensor w = params.get(WEIGHT);
        if (w == null || w.size() != keep.length) {
          throw new IllegalArgumentException("the mask of layer " + i + " does not fit its weights");
        }
        float[] v = w.values().clone();
        for (int j = 0; j < v.length; j++) {
          if (!keep[j]) {
            v[j] = 0;
          }
        }
        params.put(WEIGHT, new Tensor(w.shape(), v));
      }
      layers.add(params);
    }
    return new Checkpoint(checkpoint.spec(), checkpoint.inputMean(), checkpoint.inputStd(), layers);
  }

  /** The prunable weight tensors by layer index: those of dense and conv2d layers. */
  public static Map<Integer, Tensor> prunable(Checkpoint checkpoint) {
    Map<Integer, Tensor> weights = new TreeMap<>();
    for (int i = 0; i < checkpoint.spec().layers().size(); i++) {
      LayerSpec layer = checkpoint.spec().layers().get(i);
      Tensor w = checkpoint.weights().get(i).get(WEIGHT);
      if ((layer instanceof LayerSpec.Dense || layer instanceof LayerSpec.Conv2d) && w != null) {
        weights.put(i, w);
      }
    }
    return weights;
  }

  /** Flags keeping all but the {@code round(sparsity * n)} smallest magnitudes across {@code values}. */
  private static List<boolean[]> smallest(List<float[]> values, double sparsity) {
    int n = values.stream().mapToInt(v -> v.length).sum();
    long prune = Math.round(sparsity * n);
    float[] sorted = new float[n];
    int at = 0;
    for (float[] v : values) {
      for (float x : v) {
        sorted[at++] = Math.abs(x);
      }
    }
    Arrays.sort(sorted);
    float threshold = prune == 0 ? Float.NEGATIVE_INFINITY : sorted[(int) prune - 1];
    long below = 0;
    for (float x : sorted) {
      if (x < threshold) {
        below++;
      }
    }
    long ties = prune - below; // of the values equal to the threshold, this many are pruned
    List<boolean[]> flags = new ArrayList<>();
    for (float[] v : values) {
      boolean[] keep = new boolean[v.length];
      for (int j = 0; j < v.length; j++) {
        float a = Math.abs(v[j]);
        if (a < threshold) {
          keep[j] = false;
        } else if (a == threshold && ties > 0) {
          keep[j] = false;
          ties--;
        } else {
          keep[j] = true;
        }
      }
      flags.add(keep);
    }
    return flags;
  }
}
