package io.lowcarb.energy.estimate;

import io.lowcarb.energy.Component;
import io.lowcarb.energy.sensor.Activity;
import io.lowcarb.energy.sensor.EnergyDelta;
import io.lowcarb.energy.sensor.EnergySensor;

/**
 * CPU energy from a {@link CpuPowerModel} and the machine's utilisation; attributed to the process
 * tree by its share of the machine's CPU capacity, as CodeCarbon's process mode does.
 */
public final class CpuEstimateSensor implements EnergySensor {
  private final CpuPowerModel model;

  public CpuEstimateSensor(CpuPowerModel model) {
    this.model = model;
  }

  /** The model used. */
  public CpuPowerModel model() {
    return model;
  }

  @Override
  public String name() {
    return "estimate:cpu";
  }

  @Override
  public Component component() {
    return Component.CPU;
  }

  @Override
  public io.lowcarb.energy.Method method() {
    return model.method();
  }

  @Override
  public double uncertaintyPct() {
    return model.uncertaintyPct();
  }

  @Override
  public EnergyDelta sample(Activity activity) {
    double joules = model.powerWatts(activity.machineUtilisation()) * activity.seconds();
    return new EnergyDelta(joules, joules * activity.processShare());
  }
}
