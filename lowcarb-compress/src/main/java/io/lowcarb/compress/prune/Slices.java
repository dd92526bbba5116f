package io.lowcarb.compress.prune;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The tensor surgery of structured pruning: ranking the units of a layer, and keeping or zeroing
 * indices along one axis (the outputs of a layer, the matching inputs of the next).
 */
final class Slices {
  private Slices() {}

  /** Keeps ({@link #keep}) or zeroes ({@link #zeroOthers}) the indices of one axis of a tensor. */
  @FunctionalInterface
  interface Surgery {
    Tensor apply(Tensor t, int axis, int[] kept);
  }

  /** The weights of {@code checkpoint}, one mutable map per layer, to change before a new checkpoint. */
  static List<Map<String, Tensor>> copy(Checkpoint checkpoint) {
    List<Map<String, Tensor>> layers = new ArrayList<>();
    checkpoint.weights().forEach(m -> layers.add(new LinkedHashMap<>(m)));
    return layers;
  }

  /**
   * The rows of {@code weight} (its outermost axis: a dense unit, a convolution filter) to keep when
   * {@code fraction} of them go: those with the largest L2 norm, at least one, in ascending order.
   */
  static int[] strongest(Tensor weight, double fraction) {
    int rows = (int) weight.shape()[0];
    int length = weight.size() / rows;
    double[] norms = new double[rows];
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      for (int i = r * length; i < (r + 1) * length; i++) {
        sum += (double) weight.values()[i] * weight.values()[i];
      }
      norms[r] = Math.sqrt(sum);
    }
    int keep = Math.max(1, rows - (int) Math.round(fraction * rows));
    return IntStream.range(0, rows).boxed()
        .sorted(Comparator.<Integer>comparingDouble(r -> -norms[r]).thenComparing(r -> r))
        .limit(keep).mapToInt(Integer::intValue).sorted().toArray();
  }

  /** {@code t} with only the indices {@code kept} (ascending) along {@code axis}. */
  static Tensor keep(Tensor t, int axis, int[] kept) {
    long[] shape = t.shape().clone();
    int length = (int) shape[axis];
    int inner = inner(shape, axis);
    int outer = t.size() / (length * inner);
    float[] values = new float[outer * kept.length * inner];
    for (int o = 0; o < outer; o++) {
      for (int k = 0; k < kept.length; k++) {
        System.arraycopy(t.values(), (o * length + kept[k]) * inner, values, (o * kept.length + k) * inner, inner);
      }
    }
    shape[axis] = kept.length;
    return new Tensor(shape, values);
  }

  /** {@code t} with every index along {@code axis} that is not in {@code kept} set to zero. */
  static Tensor zeroOthers(Tensor t, int axis, int[] kept) {
    int length = (int) t.shape()[axis];
    boolean[] keep = new boolean[length];
    for (int k : kept) {
      keep[k] = true;
    }
    int inner = inner(t.shape(), axis);
    int outer = t.size() / (length * inner);
    float[] values = t.values().clone();
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < length; i++) {
        if (!keep[i]) {
          Arrays.fill(values, (o * length + i) * inner, (o * length + i + 1) * inner, 0f);
        }
      }
    }
    return new Tensor(t.shape(), values);
  }

  /** The indices of the blocks {@code kept} when every block holds {@code block} consecutive indices. */
  static int[] blocks(int[] kept, int block) {
    return Arrays.stream(kept).flatMap(k -> IntStream.range(k * block, (k + 1) * block)).toArray();
  }

  private static int inner(long[] shape, int axis) {
    long n = 1;
    for (int d = axis + 1; d < shape.length; d++) {
      n *= shape[d];
    }
    return (int) n;
  }
}
