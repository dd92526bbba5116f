package io.lowcarb.compress;

import java.util.Arrays;

/**
 * A float32 array with its shape, row-major: the weights of one layer parameter.
 *
 * @param shape the dimensions, outermost first
 * @param values {@code product(shape)} values
 */
public record Tensor(long[] shape, float[] values) {
  public Tensor {
    long size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    if (size != values.length) {
      throw new IllegalArgumentException(values.length + " values for the shape " + Arrays.toString(shape));
    }
  }

  /** The number of values. */
  public int size() {
    return values.length;
  }

  /** The number of values that are not zero. */
  public int nonzero() {
    int n = 0;
    for (float v : values) {
      if (v != 0) {
        n++;
      }
    }
    return n;
  }
}
