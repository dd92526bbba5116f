package io.lowcarb.train.tune;

import io.lowcarb.energy.nvml.PowerLimitRange;

/** The GPU knobs and counter a power-limit sweep needs. The real one is {@link NvmlPowerControl}. */
public interface GpuPowerControl {

  /** The device's name, for reports. */
  String name() throws Exception;

  /** The limits the device accepts. */
  PowerLimitRange range() throws Exception;

  /** The power limit in force, in mW. */
  long limitMilliwatts() throws Exception;

  /** Sets the power limit, in mW. */
  void setLimitMilliwatts(long milliwatts) throws Exception;

  /** The device's energy counter, in mJ. */
  long energyMillijoules() throws Exception;
}
