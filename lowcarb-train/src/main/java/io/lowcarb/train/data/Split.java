package io.lowcarb.train.data;

import java.util.Random;

/**
 * A deterministic train/test split: the same seed gives the same split on every machine.
 *
 * @param train the training part
 * @param test the held-out part
 */
public record Split(LabeledData train, LabeledData test) {

  /** Shuffles with {@code seed} and holds out {@code testFraction} (0..1) of the examples. */
  public static Split of(LabeledData data, double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("the test fraction must be between 0 and 1, got " + testFraction);
    }
    int[] order = new int[data.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int testSize = (int) Math.round(order.length * testFraction);
    int[] test = java.util.Arrays.copyOfRange(order, 0, testSize);
    int[] train = java.util.Arrays.copyOfRange(order, testSize, order.length);
    return new Split(data.select(train, "train"), data.select(test, "test"));
  }
}
