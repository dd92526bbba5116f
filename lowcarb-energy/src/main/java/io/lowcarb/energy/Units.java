package io.lowcarb.energy;

/** Conversions between the units that cross the API. */
public final class Units {
  /** Joules in one kilowatt-hour. */
  public static final double JOULES_PER_KWH = 3.6e6;
  /** gCO2/kWh in one lb CO2/MWh (the unit of WattTime's marginal rates): 453.59237 g per 1000 kWh. */
  public static final double G_PER_KWH_PER_LB_PER_MWH = 0.45359237;

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
