package io.lowcarb.train.tune;

import io.lowcarb.energy.nvml.Nvml;
import io.lowcarb.energy.nvml.NvmlException;
import io.lowcarb.energy.nvml.PowerLimitRange;

/**
 * One GPU's power limit and energy counter through NVML. Setting the limit needs root
 * ({@code NVML_ERROR_NO_PERMISSION} otherwise).
 *
 * @param nvml the library
 * @param index the device's NVML index
 */
public record NvmlPowerControl(Nvml nvml, int index) implements GpuPowerControl {
  @Override
  public String name() throws NvmlException {
    return nvml.name(index);
  }

  @Override
  public PowerLimitRange range() throws NvmlException {
    return nvml.powerLimitRange(index);
  }

  @Override
  public long limitMilliwatts() throws NvmlException {
    return nvml.powerLimitMilliwatts(index);
  }

  @Override
  public void setLimitMilliwatts(long milliwatts) throws NvmlException {
    nvml.setPowerLimitMilliwatts(index, milliwatts);
  }

  @Override
  public long energyMillijoules() throws NvmlException {
    return nvml.totalEnergyMillijoules(index);
  }
}
