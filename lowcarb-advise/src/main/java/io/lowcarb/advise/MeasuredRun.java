package io.lowcarb.advise;

import io.lowcarb.advise.hardware.Hardware;
import io.lowcarb.advise.region.Region;
import io.lowcarb.energy.EnergyBasis;
import java.util.Optional;

/**
 * A job that ran, with its energy as it was obtained: measured by sensors, estimated by a power
 * model, a mix of both, or a figure the user gave. The input of advice from {@code lowcarb train
 * --json}, a stored run, or {@code --energy-kwh}.
 *
 * @param label what the run was, for example {@code digits mlp, 6 epochs}
 * @param energyKwh its energy, in kWh (IT equipment, without PUE)
 * @param basis how {@code energyKwh} was obtained and its relative uncertainty: options on the
 *     hardware it ran on keep both
 * @param basisSource where {@code basis} comes from, in words (the run's own figures, or the
 *     documented figure of its method when the run kept none)
 * @param hours how long it ran, in hours
 * @param ranOn the hardware it ran on
 * @param utilisation the share of that hardware's working devices it kept busy, in (0, 1]; 1 when unknown
 * @param ranIn where it ran, when known: its energy there becomes the baseline option
 */
public record MeasuredRun(String label, double energyKwh, EnergyBasis basis, String basisSource, double hours,
    Hardware ranOn, double utilisation, Optional<Region> ranIn) implements Workload {

  public MeasuredRun {
    if (!(energyKwh > 0) || Double.isInfinite(energyKwh)) {
      throw new IllegalArgumentException("the run has no energy measurement (energy " + energyKwh + " kWh)");
    }
    if (basis == null) {
      throw new IllegalArgumentException("the run's energy needs its method and uncertainty");
    }
    if (!(hours > 0) || Double.isInfinite(hours)) {
      throw new IllegalArgumentException("the run's duration must be positive, got " + hours + " h");
    }
    if (!(utilisation > 0 && utilisation <= 1)) {
      throw new IllegalArgumentException("utilisation must be in (0, 1], got " + utilisation);
    }
  }

  /** Its mean power, in W. */
  public double meanWatts() {
    return energyKwh * 1000 / hours;
  }
}
