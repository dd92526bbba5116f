package io.lowcarb.compress.prune;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.Tensor;
import io.lowcarb.train.model.LayerSpec;
import io.lowcarb.train.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    for (int layer : hidden(checkpoint.spec()).keySet()) {
      kept.put(layer, Slices.strongest(weight(checkpoint, layer), fraction));
    }
    return new Plan(kept);
  }

  /** {@code checkpoint} with the removed units masked: their weights, bias and outgoing columns zero. */
  public static Checkpoint masked(Checkpoint checkpoint, Plan plan) {
    return cut(checkpoint, plan, Slices::zeroOthers, false);
  }

  /** The smaller model: the removed units gone from the spec and the weights. */
  public static Checkpoint shrunk(Checkpoint checkpoint, Plan plan) {
    return cut(checkpoint, plan, Slices::keep, true);
  }

  /** Applies {@code surgery} to each planned layer's rows and bias and to the next layer's columns. */
  private static Checkpoint cut(Checkpoint checkpoint, Plan plan, Slices.Surgery surgery, boolean narrower) {
    List<Map<String, Tensor>> layers = Slices.copy(checkpoint);
    List<LayerSpec> specs = new ArrayList<>(checkpoint.spec().layers());
    Map<Integer, Integer> next = hidden(checkpoint.spec());
    plan.kept().forEach((layer, kept) -> {
      weight(checkpoint, layer); // a dense layer's, or a clear error
      Map<String, Tensor> params = layers.get(layer);
      params.put(MagnitudePruning.WEIGHT, surgery.apply(params.get(MagnitudePruning.WEIGHT), 0, kept));
      params.put(BIAS, surgery.apply(params.get(BIAS), 0, kept));
      Map<String, Tensor> to = layers.get(next.get(layer));
      to.put(MagnitudePruning.WEIGHT, surgery.apply(to.get(MagnitudePruning.WEIGHT), 1, kept));
      if (narrower) {
        specs.set(layer, new LayerSpec.Dense(kept.length));
      }
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
}
