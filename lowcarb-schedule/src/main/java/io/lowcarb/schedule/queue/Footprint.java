package io.lowcarb.schedule.queue;

import io.lowcarb.energy.EnergyReport;

/**
 * What a job's run cost.
 *
 * @param energyKwh energy of the job's process tree, in kWh (IT energy, before PUE)
 * @param emissionsGrams its emissions, in gCO2e (energy x intensity x PUE)
 * @param gPerKwh the average carbon intensity over the run, in gCO2e/kWh
 */
public record Footprint(double energyKwh, double emissionsGrams, double gPerKwh) {

  public Footprint {
    requireFigure("energy (kWh)", energyKwh);
    requireFigure("emissions (gCO2e)", emissionsGrams);
    requireFigure("intensity (gCO2e/kWh)", gPerKwh);
  }

  /** The figures of a measured run. */
  public static Footprint of(EnergyReport report) {
    return new Footprint(report.kwh(), report.emissionsGrams(), report.intensity().gPerKwh());
  }

  private static void requireFigure(String what, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(what + " must be finite and >= 0, got " + value);
    }
  }
}
