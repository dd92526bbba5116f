package io.lowcarb.track;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * The energy and emissions of several runs, summed. A run whose energy or emissions is not known
 * (still running, never measured, a blank cell of an imported row) is left out of that sum, never
 * counted as 0, and counted instead, so that the total says what it leaves out.
 *
 * @param runs how many runs
 * @param kwh the energy of those whose energy is known, in kWh
 * @param withoutEnergy how many runs are left out of {@code kwh}
 * @param emissionsKg the emissions of those whose emissions are known, in kgCO2e
 * @param withoutEmissions how many runs are left out of {@code emissionsKg}
 */
public record RunTotals(int runs, double kwh, int withoutEnergy, double emissionsKg, int withoutEmissions) {

  /** The totals of {@code runs}. */
  public static RunTotals of(Collection<Run> runs) {
    double kwh = 0;
    double kg = 0;
    int noEnergy = 0;
    int noEmissions = 0;
    for (Run r : runs) {
      OptionalDouble e = r.footprint().map(Footprint::knownKwh).orElse(OptionalDouble.empty());
      OptionalDouble c = r.footprint().map(Footprint::knownEmissionsKg).orElse(OptionalDouble.empty());
      if (e.isPresent()) {
        kwh += e.getAsDouble();
      } else {
        noEnergy++;
      }
      if (c.isPresent()) {
        kg += c.getAsDouble();
      } else {
        noEmissions++;
      }
    }
    return new RunTotals(runs.size(), kwh, noEnergy, kg, noEmissions);
  }
}
