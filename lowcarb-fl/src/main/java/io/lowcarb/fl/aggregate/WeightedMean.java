package io.lowcarb.fl.aggregate;

import io.lowcarb.fl.ClientUpdate;
import java.util.List;

/** The mean of the clients' models weighted by their examples (equal weights when all have none). */
final class WeightedMean {
  private WeightedMean() {}

  static float[] of(float[] global, List<ClientUpdate> updates) {
    if (updates.isEmpty()) {
      return global.clone();
    }
    long total = updates.stream().mapToLong(ClientUpdate::examples).sum();
    double[] sum = new double[global.length];
    for (ClientUpdate u : updates) {
      Coordinates.requireLength(global, u);
      double w = total == 0 ? 1.0 / updates.size() : (double) u.examples() / total;
      float[] v = u.weights();
      for (int i = 0; i < sum.length; i++) {
        sum[i] += w * v[i];
      }
    }
    float[] out = new float[sum.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) sum[i];
    }
    return out;
  }
}
