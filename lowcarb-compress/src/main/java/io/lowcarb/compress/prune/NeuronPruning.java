package io.lowcarb.compress.prune;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.Tensor;
import io.lowcarb.train.model.LayerSpec;
import io.lowcarb.train.model.ModelSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Structured pruning of hidden dense neurons: the units whose incoming weights have the smallest L2
 * norm are removed, with their bias and the matching columns of the next dense layer. A hidden
 * dense layer is one followed by another dense layer through only ReLU and dropout (both map 0 to
 * 0), so a removed unit contributed nothing once masked, and the smaller model computes the same.
 */
public final class NeuronPruning {
  private static final String BIAS = "bias";

  /**
   * The units each hidden dense layer keeps.
   *
   * @param kept per layer index in the spec, the kept units in ascending order
   */
  public record Plan(Map<Integer, int[]> kept) {
    public Plan {
      kept = java.util.Collections.unmodifiableMap(new TreeMap<>(kept));
    }
  }

  private NeuronPruning() {}

  /**
   * Plans to remove {@code fraction} of the units of every hidden dense layer (at least one unit is
   * kept), those with the smallest L2 norm of incoming weights.
   *
   * @param fraction in [0, 1)
   */
  public static Plan plan(Checkpoint checkpoint, double fraction) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("the fraction of neurons to remove must be in [0, 1), got " + fraction);
    }
    Map<Integer, int[]> kept = new TreeMap<>();
    for (var e : hidden(checkpoint.spec()).entrySet()) {
      Tensor w = weight(checkpoint, e.getKey());
      int units = (int) w.shape()[0];
      int inputs = (int) w.shape()[1];
      double[] norms = new double[units];
      for (int u = 0; u < units; u++) {
        double sum = 0;
        for (int i = 0; i < inputs; i++) {
          float v = w.values()[u * inputs + i];
          sum += v * v;
        }
        norms[u] = Math.sqrt(sum);
      }
      int keep = Math.max(1, units - (int) Math.round(fraction * units));
      kept.put(e.getKey(), IntStream.range(0, units).boxed()
          .sorted(Comparator.<Integer>comparingDouble(u -> -norms[u]).thenComparing(u -> u))
          .limit(keep).mapToInt(Integer::intValue).sorted().toArray());
    }
    return new Plan(kept);
  }

  /** {@code checkpoint} with the removed units masked: their weights, bias and outgoing columns zero. */
  public static Checkpoint masked(Checkpoint checkpoint, Plan plan) {
    List<Map<String, Tensor>> layers = copy(checkpoint);
    Map<Integer, Integer> next = hidden(checkpoint.spec());
    plan.kept().forEach((layer, kept) -> {
      Tensor w = weight(checkpoint, layer);
      boolean[] keep = new boolean[(int) w.shape()[0]];
      for (int u : kept) {
        keep[u] = true;
      }
      int inputs = (int) w.shape()[1];
      float[] rows = layers.get(layer).get(MagnitudePruning.WEIGHT).values().clone();
      float[] bias = layers.get(layer).get(BIAS).values().clone();
      for (int u = 0; u < keep.length; u++) {
        if (!keep[u]) {
          java.util.Arrays.fill(rows, u * inputs, (u + 1) * inputs, 0f);
          bias[u] = 0;
        }
      }
      layers.get(layer).put(MagnitudePruning.WEIGHT, new Tensor(w.shape(), rows));
      layers.get(layer).put(BIAS, new Tensor(new long[] {keep.length}, bias));
      int to = next.get(layer);
      Tensor out = layers.get(to).get(MagnitudePruning.WEIGHT);
      float[] columns = out.values().clone();
      for (int r = 0; r < out.shape()[0]; r++) {
        for (int u = 0; u < keep.length; u++) {
          if (!keep[u]) {
            columns[r * keep.length + u] = 0;
          }
        }
      }
      layers.get(to).put(MagnitudePruning.WEIGHT, new Tensor(out.shape(), columns));
    });
    return new Checkpoint(checkpoint.spec(), checkpoint.inputMean(), checkpoint.inputStd(), layers);
  }

  /** The smaller model: the removed units gone from the spec and the weights. */
  public static Checkpoint shrunk(Checkpoint checkpoint, Plan plan) {
    List<Map<String, Tensor>> layers = copy(checkpoint);
    List<LayerSpec> specs = new ArrayList<>(checkpoint.spec().layers());
    Map<Integer, Integer> next = hidden(checkpoint.spec());
    plan.kept().forEach((layer, kept) -> {
      Tensor w = layers.get(layer).get(MagnitudePruning.WEIGHT);
      int inputs = (int) w.shape()[1];
      float[] rows = new float[kept.length * inputs];
      float[] bias = new float[kept.length];
      float[] oldBias = layers.get(layer).get(BIAS).values();
      for (int k = 0; k < kept.length; k++) {
        System.arraycopy(w.values(), kept[k] * inputs, rows, k * inputs, inputs);
        bias[k] = oldBias[kept[k]];
      }
      layers.get(layer).put(MagnitudePruning.WEIGHT, new Tensor(new long[] {kept.length, inputs}, rows));
      layers.get(layer).put(BIAS, new Tensor(new long[] {kept.length}, bias));
      specs.set(layer, new LayerSpec.Dense(kept.length));
      int to = next.get(layer);
      Tensor out = layers.get(to).get(MagnitudePruning.WEIGHT);
      int outRows = (int) out.shape()[0];
      int oldColumns = (int) out.shape()[1];
      float[] columns = new float[outRows * kept.length];
      for (int r = 0; r < outRows; r++) {
        for (int k = 0; k < kept.length; k++) {
          columns[r * kept.length + k] = out.values()[r * oldColumns + kept[k]];
        }
      }
      layers.get(to).put(MagnitudePruning.WEIGHT, new Tensor(new long[] {outRows, kept.length}, columns));
    });
    return new Checkpoint(new ModelSpec(checkpoint.spec().name(), specs), checkpoint.inputMean(),
        checkpoint.inputStd(), layers);
  }

  /** Hidden dense layers by index, each with the index of the dense layer it feeds. */
  static Map<Integer, Integer> hidden(ModelSpec spec) {
    Map<Integer, Integer> hidden = new TreeMap<>();
    List<LayerSpec> layers = spec.layers();
    for (int i = 0; i < layers.size(); i++) {
      if (!(layers.get(i) instanceof LayerSpec.Dense)) {
        continue;
      }
      int j = i + 1;
      while (j < layers.size() && (layers.get(j) instanceof LayerSpec.Relu || layers.get(j) instanceof LayerSpec.Dropout)) {
        j++;
      }
      if (j < layers.size() && layers.get(j) instanceof LayerSpec.Dense) {
        hidden.put(i, j);
      }
    }
    return hidden;
  }

  private static Tensor weight(Checkpoint checkpoint, int layer) {
    Tensor w = checkpoint.weights().get(layer).get(MagnitudePruning.WEIGHT);
    if (w == null || w.shape().length != 2 || checkpoint.weights().get(layer).get(BIAS) == null) {
      throw new IllegalArgumentException("layer " + layer + " of " + checkpoint.spec().name()
          + " has no 2-d weight and bias");
    }
    return w;
  }

  private static List<Map<String, Tensor>> copy(Checkpoint checkpoint) {
    List<Map<String, Tensor>> layers = new ArrayList<>();
    checkpoint.weights().forEach(m -> layers.add(new LinkedHashMap<>(m)));
    return layers;
  }
}
