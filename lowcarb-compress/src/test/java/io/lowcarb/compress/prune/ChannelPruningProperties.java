package io.lowcarb.compress.prune;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import io.lowcarb.compress.Tensor;
import io.lowcarb.train.model.Blocks;
import io.lowcarb.train.model.LayerSpec;
import io.lowcarb.train.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Which filters go, and the feature-map size the first dense layer's columns are cut by. */
class ChannelPruningProperties {
  @Property
  void theStrongestFiltersStayAndAtLeastOne(@ForAll @IntRange(min = 1, max = 40) int filters,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double fraction, @ForAll long seed) {
    Tensor weight = MagnitudePruningTest.tensor(new Random(seed), 1, filters, 2, 3, 3);
    int[] kept = Slices.strongest(weight, fraction);
    assertThat(kept).hasSize(Math.max(1, filters - (int) Math.round(fraction * filters)));
    assertThat(kept).isSorted().doesNotHaveDuplicates();
    double weakestKept = Double.MAX_VALUE;
    double strongestRemoved = 0;
    for (int f = 0; f < filters; f++) {
      double norm = norm(weight, f);
      if (java.util.Arrays.binarySearch(kept, f) >= 0) {
        weakestKept = Math.min(weakestKept, norm);
      } else {
        strongestRemoved = Math.max(strongestRemoved, norm);
      }
    }
    assertThat(strongestRemoved).isLessThanOrEqualTo(weakestKept);
  }

  @Property(tries = 60)
  void theFeatureMapSizeIsDjls(@ForAll("convolutions") List<LayerSpec> layers,
      @ForAll @IntRange(min = 6, max = 30) int height, @ForAll @IntRange(min = 6, max = 30) int width) {
    ModelSpec spec = new ModelSpec("p", layers);
    long[] example = {1, height, width};
    for (int end = 1; end <= layers.size(); end++) {
      long[] before = ChannelPruning.spatialSize(spec, example, end);
      Assume.that(before[0] > 0 && before[1] > 0); // DJL refuses an empty feature map on the way
    }
    long[] size = ChannelPruning.spatialSize(spec, example, layers.size());
    try (NDManager manager = NDManager.newBaseManager()) {
      SequentialBlock block = Blocks.of(spec);
      Shape in = new Shape(1, 1, height, width);
      block.initialize(manager, DataType.FLOAT32, in);
      Shape out = block.getOutputShapes(new Shape[] {in})[0];
      assertThat(new long[] {out.get(2), out.get(3)}).containsExactly(size);
    }
  }

  @Provide
  Arbitrary<List<LayerSpec>> convolutions() {
    Arbitrary<LayerSpec> conv = Combinators.combine(Arbitraries.integers().between(1, 5),
        Arbitraries.integers().between(0, 2)).as((k, p) -> new LayerSpec.Conv2d(2, k, Math.min(p, k - 1)));
    Arbitrary<LayerSpec> pool = Arbitraries.integers().between(2, 3).map(LayerSpec.MaxPool::new);
    Arbitrary<LayerSpec> other = Arbitraries.of(new LayerSpec.Relu(), new LayerSpec.BatchNorm());
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, conv), net.jqwik.api.Tuple.of(2, pool), net.jqwik.api.Tuple.of(1, other))
        .list().ofMinSize(1).ofMaxSize(5)
        .map(list -> {
          List<LayerSpec> withConv = new ArrayList<>(List.of(new LayerSpec.Conv2d(2, 3, 1)));
          withConv.addAll(list);
          return withConv;
        });
  }

  private static double norm(Tensor weight, int row) {
    int length = weight.size() / (int) weight.shape()[0];
    double sum = 0;
    for (int i = row * length; i < (row + 1) * length; i++) {
      sum += (double) weight.values()[i] * weight.values()[i];
    }
    return Math.sqrt(sum);
  }
}
