package io.lowcarb.advise;

import io.lowcarb.advise.hardware.Hardware;
import io.lowcarb.advise.region.Region;
import java.util.List;

/**
 * The work on one hardware in one region.
 *
 * @param hardware where it runs
 * @param region where that hardware is
 * @param hours estimated running time, in hours
 * @param energyKwh estimated energy of the IT equipment, in kWh (without PUE)
 * @param emissionsKg estimated emissions, in kgCO2e (with the region's PUE)
 * @param uncertaintyPct relative uncertainty of the emissions, in percent
 * @param measured whether this is the run as measured rather than an estimate
 * @param assumptions what the estimate rests on, in words
 */
public record Option(Hardware hardware, Region region, double hours, double energyKwh, double emissionsKg,
    double uncertaintyPct, boolean measured, List<String> assumptions) {

  public Option {
    assumptions = List.copyOf(assumptions);
  }

  /** The hardware's name. */
  public String hardwareName() {
    return hardware.name();
  }

  /** The region's zone code. */
  public String regionName() {
    return region.zone();
  }
}
