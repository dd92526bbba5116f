package io.lowcarb.fl;

import io.lowcarb.energy.EnergyBasis;

/**
 * The energy of moving bytes over the internet: an estimate, never a measurement.
 *
 * <p>The factor is Aslan, Mayers, Koomey and France (2018), "Electricity Intensity of Internet Data
 * Transmission: Untangling the Estimates", Journal of Industrial Ecology 22(4), 785-798: 0.06 kWh/GB
 * for 2015 (access and core networks, not the end devices), halving about every two years since 2000.
 * Later years would be lower; we keep the published figure rather than extrapolate it, so the network
 * share is, if anything, overstated.
 *
 * <p>Its uncertainty, {@link #UNCERTAINTY_PCT}, is our judgement, not the paper's: by the paper's own
 * trend the 2015 figure is some 30 times too high for 2025 (five halvings), and a network whose power
 * hardly changes with its traffic spends close to nothing on a few more bytes; the energy of the
 * bytes lies anywhere between about zero and the figure, which ±100 % spans.
 */
public final class NetworkEnergy {
  /** Electricity per gigabyte (10^9 bytes) transferred, in kWh/GB; Aslan et al. 2018, for 2015. */
  public static final double KWH_PER_GB = 0.06;

  /** The relative uncertainty of the estimate, in percent (see the class comment). */
  public static final double UNCERTAINTY_PCT = 100;

  /** How every network figure is obtained: estimated, ±{@link #UNCERTAINTY_PCT}. */
  public static final EnergyBasis BASIS = new EnergyBasis(EnergyBasis.Obtained.ESTIMATED, UNCERTAINTY_PCT);

  /** The source of {@link #KWH_PER_GB}, for reports. */
  public static final String SOURCE =
      "Aslan et al. 2018, Journal of Industrial Ecology 22(4), 785-798: 0.06 kWh/GB (2015)";

  /** How the network energy is obtained, for reports. */
  public static final String METHOD = "estimated: bytes x KWH_PER_GB (" + KWH_PER_GB + "), " + SOURCE
      + "; +/-" + (int) UNCERTAINTY_PCT + " %";

  private NetworkEnergy() {}

  /** The estimated energy of transferring {@code bytes} bytes, in kWh. */
  public static double kwh(long bytes) {
    return bytes / 1e9 * KWH_PER_GB;
  }
}
