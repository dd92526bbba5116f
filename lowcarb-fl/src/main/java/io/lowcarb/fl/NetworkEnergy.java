package io.lowcarb.fl;

/**
 * The energy of moving bytes over the internet: an estimate, never a measurement.
 *
 * <p>The factor is Aslan, Mayers, Koomey and France (2018), "Electricity Intensity of Internet Data
 * Transmission: Untangling the Estimates", Journal of Industrial Ecology 22(4), 785-798: 0.06 kWh/GB
 * for 2015 (access and core networks, not the end devices), halving about every two years since 2000.
 * Later years would be lower; we keep the published figure rather than extrapolate it, so the network
 * share is, if anything, overstated.
 */
public final class NetworkEnergy {
  /** Electricity per gigabyte (10^9 bytes) transferred, in kWh/GB; Aslan et al. 2018, for 2015. */
  public static final double KWH_PER_GB = 0.06;

  /** The source of {@link #KWH_PER_GB}, for reports. */
  public static final String SOURCE =
      "Aslan et al. 2018, Journal of Industrial Ecology 22(4), 785-798: 0.06 kWh/GB (2015)";

  /** How the network energy is obtained, for reports. */
  public static final String METHOD = "estimated: bytes x KWH_PER_GB (" + KWH_PER_GB + "), " + SOURCE;

  private NetworkEnergy() {}

  /** The estimated energy of transferring {@code bytes} bytes, in kWh. */
  public static double kwh(long bytes) {
    return bytes / 1e9 * KWH_PER_GB;
  }
}
