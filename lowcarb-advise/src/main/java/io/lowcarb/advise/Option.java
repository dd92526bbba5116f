package io.lowcarb.advise;

import io.lowcarb.advise.hardware.Hardware;
import io.lowcarb.advise.region.Region;
import io.lowcarb.energy.EnergyBasis;
import java.util.List;

/**
 * The work on one hardware in one region.
 *
 * @param hardware where it runs
 * @param region where that hardware is
 * @param hours estimated running time, in hours
 * @param energyKwh energy of the IT equipment, in kWh (without PUE)
 * @param emissionsKg emissions, in kgCO2e (with the region's PUE)
 * @param basis how the figures were obtained and their relative uncertainty, for the emissions:
 *     on the hardware the run ran on, the run's own method, its uncertainty combined with the
 *     intensity's; elsewhere {@code estimated}, with the scaling's uncertainties
 * @param asRun whether these are the run's own time and energy (the hardware it ran on, in this region)
 * @param assumptions what the estimate rests on, in words
 */
public record Option(Hardware hardware, Region region, double hours, double energyKwh, double emissionsKg,
    EnergyBasis basis, boolean asRun, List<String> assumptions) {

  public Option {
    if (basis == null) {
      throw new IllegalArgumentException("an option needs its basis");
    }
    assumptions = List.copyOf(assumptions);
  }

  /** The relative uncertainty of the emissions, in percent. */
  public double uncertaintyPct() {
    return basis.uncertaintyPct();
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
