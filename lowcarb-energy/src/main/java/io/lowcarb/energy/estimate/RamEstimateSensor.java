package io.lowcarb.energy.estimate;

import io.lowcarb.energy.Component;
import io.lowcarb.energy.Method;
import io.lowcarb.energy.sensor.Activity;
import io.lowcarb.energy.sensor.EnergyDelta;
import io.lowcarb.energy.sensor.EnergySensor;

/**
 * RAM energy from its size: 0.3725 W per GB (Green Algorithms' reference value, from Karyakin and
 * Salem, "An analysis of memory power consumption in database systems", DaMoN 2017). The machine
 * figure uses all installed memory; the process figure uses the tree's resident memory.
 */
public final class RamEstimateSensor implements EnergySensor {
  /** Power per GB (10^9 bytes) of memory, in W. */
  public static final double WATTS_PER_GB = 0.3725;

  /** Memory power varies with type and activity; measured DDR4 modules spread about this much. */
  static final double UNCERTAINTY_PCT = 40;

  @Override
  public String name() {
    return "estimate:ram";
  }

  @Override
  public Component component() {
    return Component.RAM;
  }

  @Override
  public Method method() {
    return Method.ESTIMATE;
  }

  @Override
  public double uncertaintyPct() {
    return UNCERTAINTY_PCT;
  }

  @Override
  public EnergyDelta sample(Activity activity) {
    double machine = WATTS_PER_GB * activity.machineTotalBytes() / 1e9 * activity.seconds();
    double process = WATTS_PER_GB * activity.processRssBytes() / 1e9 * activity.seconds();
    return new EnergyDelta(machine, Math.min(process, machine));
  }
}
