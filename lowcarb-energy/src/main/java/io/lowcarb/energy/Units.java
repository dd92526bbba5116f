package io.lowcarb.energy;

/** Conversions between the units that cross the API. */
public final class Units {
  /** Joules in one kilowatt-hour. */
  public static final double JOULES_PER_KWH = 3.6e6;

  private Units() {}

  /** Joules to kilowatt-hours. */
  public static double kwh(double joules) {
    return joules / JOULES_PER_KWH;
  }

  /** Grams of CO2e for an energy in joules at an intensity in gCO2e/kWh and a PUE (>= 1). */
  public static double grams(double joules, double gPerKwh, double pue) {
    return kwh(joules) * pue * gPerKwh;
  }
}
