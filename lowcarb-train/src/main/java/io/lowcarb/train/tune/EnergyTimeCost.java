package io.lowcarb.train.tune;

/**
 * Zeus's cost of a setting: {@code weight * energy + (1 - weight) * maxPower * time}. With weight
 * 1 only energy counts; with 0 only time, priced at the most power the device may draw so that
 * both terms are in joules.
 *
 * @param weight the weight on energy, in [0, 1]
 * @param maxPowerWatts the power that prices time, in W (the highest power limit, or the highest mean power seen)
 */
public record EnergyTimeCost(double weight, double maxPowerWatts) {
  public EnergyTimeCost {
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("the weight on energy must be in [0, 1], got " + weight);
    }
    if (!(maxPowerWatts > 0)) {
      throw new IllegalArgumentException("the power that prices time must be positive, got " + maxPowerWatts + " W");
    }
  }

  /** The cost, in J, of a trial that used {@code joules} over {@code seconds}. */
  public double of(double joules, double seconds) {
    return weight * joules + (1 - weight) * maxPowerWatts * seconds;
  }
}
