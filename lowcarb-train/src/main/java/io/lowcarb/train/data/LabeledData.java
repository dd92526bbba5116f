package io.lowcarb.train.data;

import java.util.Arrays;

/**
 * Examples and their class labels, in memory.
 *
 * @param name where the data came from
 * @param features row-major, {@code size() x exampleSize()} values, scaled to 0..1 for images
 * @param labels class index of each example, 0..classes-1
 * @param shape the shape of one example: {@code {channels, height, width}} for images, {@code {n}} for vectors
 * @param classes the number of classes
 */
public record LabeledData(String name, float[] features, int[] labels, long[] shape, int classes) {

  public LabeledData {
    long perExample = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    if (features.length != perExample * labels.length) {
      throw new IllegalArgumentException(
          name + ": " + features.length + " values for " + labels.length + " examples of " + perExample);
    }
  }

  /** Number of examples. */
  public int size() {
    return labels.length;
  }

  /** Values per example. */
  public int exampleSize() {
    return labels.length == 0 ? 0 : features.length / labels.length;
  }

  /** The examples at {@code indices}, in that order. */
  public LabeledData select(int[] indices, String part) {
    int n = exampleSize();
    float[] f = new float[indices.length * n];
    int[] l = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(features, indices[i] * n, f, i * n, n);
      l[i] = labels[indices[i]];
    }
    return new LabeledData(name + " (" + part + ")", f, l, shape, classes);
  }

  /** The mean and standard deviation of all feature values (one pair for the whole set). */
  public double[] moments() {
    double sum = 0;
    double squares = 0;
    for (float v : features) {
      sum += v;
      squares += (double) v * v;
    }
    double mean = sum / Math.max(1, features.length);
    double variance = Math.max(0, squares / Math.max(1, features.length) - mean * mean);
    return new double[] {mean, Math.sqrt(variance)};
  }

  /** A copy with every value standardised: {@code (v - mean) / std} (std 0 is taken as 1). */
  public LabeledData standardised(double mean, double std) {
    float[] f = new float[features.length];
    double scale = std > 0 ? std : 1;
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) ((features[i] - mean) / scale);
    }
    return new LabeledData(name, f, labels, shape, classes);
  }

  /**
   * The examples of classes {@code first..last} only, relabelled {@code 0..last-first}, at most
   * {@code limit} of them (the first ones, in file order).
   */
  public LabeledData classes(int first, int last, int limit) {
    if (first < 0 || last < first || last >= classes) {
      throw new IllegalArgumentException("classes " + first + "-" + last + " are not within 0-" + (classes - 1));
    }
    int[] pick = java.util.stream.IntStream.range(0, size())
        .filter(i -> labels[i] >= first && labels[i] <= last).limit(limit).toArray();
    LabeledData part = select(pick, "classes " + first + "-" + last);
    int[] relabelled = java.util.Arrays.stream(part.labels).map(l -> l - first).toArray();
    return new LabeledData(part.name, part.features, relabelled, shape, last - first + 1);
  }
}
