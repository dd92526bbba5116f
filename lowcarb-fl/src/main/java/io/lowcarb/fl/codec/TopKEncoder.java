package io.lowcarb.fl.codec;

import java.util.Arrays;

/**
 * Sends the {@code k} largest values (by magnitude) of the delta plus what earlier rounds left out;
 * what it leaves out now is kept for the next round (error feedback, Stich et al. 2018), so over
 * rounds every part of the deltas is sent.
 */
final class TopKEncoder implements DeltaEncoder {
  private final double fraction;
  private float[] residual;

  TopKEncoder(double fraction) {
    this.fraction = fraction;
  }

  @Override
  public byte[] encode(float[] delta) {
    int n = delta.length;
    if (residual == null || residual.length != n) {
      residual = new float[n];
    }
    float[] sum = new float[n];
    for (int i = 0; i < n; i++) {
      sum[i] = delta[i] + residual[i];
    }
    int k = n == 0 ? 0 : (int) Math.max(1, Math.min(n, Math.round(fraction * n)));
    int[] kept = largest(sum, k);
    residual = sum;
    float[] values = new float[k];
    for (int j = 0; j < k; j++) {
      values[j] = sum[kept[j]];
      residual[kept[j]] = 0;
    }
    return Payloads.writeTopK(n, kept, values);
  }

  /** The positions of the {@code k} values largest in magnitude, ascending; ties go to the first. */
  static int[] largest(float[] v, int k) {
    if (k == 0) {
      return new int[0];
    }
    float[] magnitudes = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      magnitudes[i] = Math.abs(v[i]);
    }
    float[] sorted = magnitudes.clone();
    Arrays.sort(sorted);
    float threshold = sorted[v.length - k];
    int above = 0;
    for (float m : magnitudes) {
      if (m > threshold) {
        above++;
      }
    }
    int atThreshold = k - above;
    int[] kept = new int[k];
    int j = 0;
    for (int i = 0; i < v.length && j < k; i++) {
      if (magnitudes[i] > threshold || magnitudes[i] == threshold && atThreshold-- > 0) {
        kept[j++] = i;
      }
    }
    return kept;
  }
}
