package io.lowcarb.fl;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model's weights as one flat {@code float[]}, the form in which they travel. The order: layer by
 * layer, in the order of {@link Checkpoint#weights()}; inside a layer, its parameters by name sorted
 * alphabetically ({@code bias} before {@code weight}); inside a parameter, its values row-major.
 */
public final class FlatWeights {
  private FlatWeights() {}

  /** All of {@code c}'s parameter values, in the order above. */
  public static float[] flatten(Checkpoint c) {
    float[] out = new float[Math.toIntExact(c.params())];
    int at = 0;
    for (Map<String, Tensor> layer : c.weights()) {
      for (Tensor t : new TreeMap<>(layer).values()) {
        System.arraycopy(t.values(), 0, out, at, t.size());
        at += t.size();
      }
    }
    return out;
  }

  /**
   * {@code template} with its values replaced by {@code values}, read in the order above.
   *
   * @throws IllegalArgumentException when {@code values} has not exactly the template's number of values
   */
  public static Checkpoint withValues(Checkpoint template, float[] values) {
    if (values.length != template.params()) {
      throw new IllegalArgumentException(values.length + " values, the model has " + template.params());
    }
    List<Map<String, Tensor>> layers = new ArrayList<>();
    int at = 0;
    for (Map<String, Tensor> layer : template.weights()) {
      Map<String, Tensor> params = new LinkedHashMap<>();
      for (var e : new TreeMap<>(layer).entrySet()) {
        int n = e.getValue().size();
        float[] v = new float[n];
        System.arraycopy(values, at, v, 0, n);
        at += n;
        params.put(e.getKey(), new Tensor(e.getValue().shape(), v));
      }
      layers.add(params);
    }
    return new Checkpoint(template.spec(), template.inputMean(), template.inputStd(), layers);
  }
}
