package io.lowcarb.energy.nvml;

/**
 * The part of NVIDIA's management library the meter uses. Devices are addressed by NVML index.
 * The real binding is {@link NvmlLibrary}; tests use a scripted double.
 */
public interface Nvml extends AutoCloseable {

  /** Number of devices the driver reports. */
  int deviceCount() throws NvmlException;

  /** The device's product name, for example {@code NVIDIA H100 80GB HBM3}. */
  String name(int index) throws NvmlException;

  /** The device's UUID, for example {@code GPU-5f3c...}. */
  String uuid(int index) throws NvmlException;

  /**
   * Energy used since the driver was loaded, in mJ (Volta and newer).
   *
   * @throws NvmlException with {@link NvmlException#NOT_SUPPORTED} on older devices
   */
  long totalEnergyMillijoules(int index) throws NvmlException;

  /** Current power draw of the whole board, in mW. */
  long powerMilliwatts(int index) throws NvmlException;

  /**
   * The power limit now in force, in mW ({@code nvmlDeviceGetPowerManagementLimit}).
   *
   * @throws NvmlException with {@link NvmlException#NOT_SUPPORTED} where the device has no settable limit
   */
  default long powerLimitMilliwatts(int index) throws NvmlException {
    throw new NvmlException(NvmlException.NOT_SUPPORTED, "nvmlDeviceGetPowerManagementLimit: Not Supported");
  }

  /** The range a power limit may be set within ({@code nvmlDeviceGetPowerManagementLimitConstraints}). */
  default PowerLimitRange powerLimitRange(int index) throws NvmlException {
    throw new NvmlException(
        NvmlException.NOT_SUPPORTED, "nvmlDeviceGetPowerManagementLimitConstraints: Not Supported");
  }

  /**
   * Sets the device's power limit, in mW ({@code nvmlDeviceSetPowerManagementLimit}). Needs root;
   * the setting lasts until the driver is reloaded or it is set again.
   *
   * @throws NvmlException with {@link NvmlException#NO_PERMISSION} when not allowed
   */
  default void setPowerLimitMilliwatts(int index, long milliwatts) throws NvmlException {
    throw new NvmlException(NvmlException.NOT_SUPPORTED, "nvmlDeviceSetPowerManagementLimit: Not Supported");
  }

  @Override
  void close();
}
