package io.lowcarb.advise;

import io.lowcarb.advise.hardware.Hardware;
import io.lowcarb.advise.region.Region;
import java.util.Optional;

/**
 * A job that ran and was measured: the input of advice from {@code lowcarb train --json} or, once
 * there is a run store, from a stored run.
 *
 * @param label what the run was, for example {@code digits mlp, 6 epochs}
 * @param energyKwh its measured energy, in kWh (IT equipment, without PUE)
 * @param hours how long it ran, in hours
 * @param ranOn the hardware it ran on
 * @param utilisation the share of that hardware's working devices it kept busy, in (0, 1]; 1 when unknown
 * @param ranIn where it ran, when known: its measured energy there becomes the baseline option
 */
public record MeasuredRun(String label, double energyKwh, double hours, Hardware ranOn, double utilisation,
    Optional<Region> ranIn) implements Workload {

  public MeasuredRun {
    if (!(energyKwh > 0) || Double.isInfinite(energyKwh)) {
      throw new IllegalArgumentException("the run has no energy measurement (energy " + energyKwh + " kWh)");
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
