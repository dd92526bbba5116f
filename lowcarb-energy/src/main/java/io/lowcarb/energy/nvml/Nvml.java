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

  @Override
  void close();
}
