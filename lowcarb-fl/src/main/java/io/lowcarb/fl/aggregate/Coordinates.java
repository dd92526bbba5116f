package io.lowcarb.fl.aggregate;

import io.lowcarb.fl.ClientUpdate;
import java.util.Arrays;
import java.util.List;

/** Coordinate-wise robust statistics: each weight is aggregated on its own, across the clients. */
final class Coordinates {
  private Coordinates() {}

  static void requireLength(float[] global, ClientUpdate u) {
    if (u.weights().length != global.length) {
      throw new IllegalArgumentException(
          u.client() + " sent " + u.weights().length + " values, the model has " + global.length);
    }
  }

  /**
   * For each coordinate, the mean of the clients' values after dropping the {@code drop} smallest
   * and the {@code drop} largest ({@code drop} is capped so that at least one or two values remain).
   */
  static float[] trimmedMean(float[] global, List<ClientUpdate> updates, int drop) {
    int n = updates.size();
    if (n == 0) {
      return global.clone();
    }
    updates.forEach(u -> requireLength(global, u));
    int cut = Math.min(drop, (n - 1) / 2);
    float[] column = new float[n];
    float[] out = new float[global.length];
    for (int i = 0; i < out.length; i++) {
      for (int c = 0; c < n; c++) {
        column[c] = updates.get(c).weights()[i];
      }
      Arrays.sort(column);
      double sum = 0;
      for (int c = cut; c < n - cut; c++) {
        sum += column[c];
      }
      out[i] = (float) (sum / (n - 2 * cut));
    }
    return out;
  }
}
