package io.lowcarb.train.tune;

/**
 * A few training steps at one power limit.
 *
 * @param limitWatts the power limit, in W
 * @param joules the GPU's energy over the steps, in J
 * @param seconds their duration, in s
 */
public record LimitTrial(double limitWatts, double joules, double seconds) {
  /** Mean power over the steps, in W. */
  public double meanWatts() {
    return joules / seconds;
  }
}
