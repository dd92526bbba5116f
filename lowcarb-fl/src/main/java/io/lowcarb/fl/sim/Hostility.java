package io.lowcarb.fl.sim;

import java.util.Random;

/** How a hostile simulated client corrupts its update (to test robust aggregation). */
public sealed interface Hostility permits Hostility.Scaled, Hostility.Noise {

  /** The delta the client sends instead of its honest {@code delta}. */
  float[] corrupt(float[] delta, Random random);

  /**
   * The honest delta multiplied by {@code factor} (e.g. -10: a model pushed hard the wrong way).
   *
   * @param factor the multiplier
   */
  record Scaled(double factor) implements Hostility {
    @Override
    public float[] corrupt(float[] delta, Random random) {
      float[] out = new float[delta.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) (delta[i] * factor);
      }
      return out;
    }
  }

  /**
   * Gaussian noise in place of the delta.
   *
   * @param std its standard deviation, in units of the weights
   */
  record Noise(double std) implements Hostility {
    @Override
    public float[] corrupt(float[] delta, Random random) {
      float[] out = new float[delta.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) (random.nextGaussian() * std);
      }
      return out;
    }
  }
}
