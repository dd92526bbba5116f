package io.lowcarb.fl.report;

import io.lowcarb.energy.EnergyBasis;

/**
 * One client's training in one round: its energy, how that was obtained, and what it emitted.
 *
 * @param client the client's name
 * @param kwh its training energy, in kWh (IT energy, before PUE)
 * @param basis how its meter obtained {@code kwh} (measured, estimated...) and its uncertainty
 * @param gPerKwh its grid's carbon intensity, in gCO2e/kWh
 * @param pue the power usage effectiveness its meter applied (>= 1)
 */
public record ClientEnergy(String client, double kwh, EnergyBasis basis, double gPerKwh, double pue) {
  /**
   * The basis of a figure that came without one, from a client or a state file of an older lowcarb:
   * estimated, at the widest uncertainty docs/measure.md gives an energy figure (50 %, the CPU
   * estimate of an unknown model), since nothing says it was measured.
   */
  public static final EnergyBasis UNLABELLED = new EnergyBasis(EnergyBasis.Obtained.ESTIMATED, 50);

  public ClientEnergy {
    if (basis == null) {
      throw new IllegalArgumentException("a client's energy needs its basis");
    }
  }

  /** Its emissions, in kgCO2e: energy x PUE x intensity. */
  public double emissionsKg() {
    return kwh * Math.max(1, pue) * gPerKwh / 1000;
  }

  /** Its energy as a part of a sum. */
  EnergyBasis.Part part() {
    return new EnergyBasis.Part(kwh, basis);
  }
}
