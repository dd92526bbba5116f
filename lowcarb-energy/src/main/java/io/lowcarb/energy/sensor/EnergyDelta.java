package io.lowcarb.energy.sensor;

/**
 * Energy used during one interval.
 *
 * @param machineJoules the whole component's energy, in J
 * @param processJoules the part attributed to the measured process tree, in J
 */
public record EnergyDelta(double machineJoules, double processJoules) {
  /** No energy. */
  public static final EnergyDelta ZERO = new EnergyDelta(0, 0);

  public EnergyDelta {
    if (!(machineJoules >= 0) || !(processJoules >= 0) || Double.isInfinite(machineJoules)
        || Double.isInfinite(processJoules)) {
      throw new IllegalArgumentException("energy must be finite and >= 0: " + machineJoules + ", " + processJoules);
    }
  }
}
