package io.lowcarb.fl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.Tensor;
import io.lowcarb.train.model.LayerSpec;
import io.lowcarb.train.model.ModelSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatWeightsTest {
  private static Checkpoint model() {
    Map<String, Tensor> dense = new LinkedHashMap<>();
    dense.put("weight", new Tensor(new long[] {2, 2}, new float[] {1, 2, 3, 4}));
    dense.put("bias", new Tensor(new long[] {2}, new float[] {5, 6}));
    return new Checkpoint(new ModelSpec("m", List.of(new LayerSpec.Flatten(), new LayerSpec.Dense(2))), 0.5, 2,
        List.of(Map.of(), dense));
  }

  @Test
  void layerByLayerWithNamesSorted() {
    assertThat(FlatWeights.flatten(model())).containsExactly(5, 6, 1, 2, 3, 4);
  }

  @Test
  void roundTrips() {
    Checkpoint c = FlatWeights.withValues(model(), new float[] {-1, -2, 10, 20, 30, 40});
    assertThat(c.weights().get(1).get("bias").values()).containsExactly(-1, -2);
    assertThat(c.weights().get(1).get("weight").shape()).containsExactly(2, 2);
    assertThat(c.inputMean()).isEqualTo(0.5);
    assertThat(FlatWeights.flatten(c)).containsExactly(-1, -2, 10, 20, 30, 40);
  }

  @Test
  void refusesTheWrongLength() {
    assertThatThrownBy(() -> FlatWeights.withValues(model(), new float[5])).hasMessage("5 values, the model has 6");
  }
}
