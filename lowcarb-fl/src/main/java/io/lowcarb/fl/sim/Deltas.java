package io.lowcarb.fl.sim;

/** Element-wise arithmetic on flat weights. */
final class Deltas {
  private Deltas() {}

  static float[] minus(float[] a, float[] b) {
    float[] out = new float[a.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = a[i] - b[i];
    }
    return out;
  }

  static float[] plus(float[] a, float[] b) {
    float[] out = new float[a.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = a[i] + b[i];
    }
    return out;
  }
}
