package io.lowcarb.energy.nvml;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Devices whose readings the test sets: each has an energy counter in mJ, or, when its counter is
 * {@code null}, only a power reading in mW (NVML answers NOT_SUPPORTED, as for pre-Volta GPUs).
 */
final class ScriptedNvml implements Nvml {
  final List<String> names;
  final List<String> uuids;
  final Long[] energyMj;
  final long[] powerMw;
  final Set<Integer> failing = new HashSet<>();
  boolean closed;

  ScriptedNvml(List<String> names, List<String> uuids, Long[] energyMj, long[] powerMw) {
    this.names = names;
    this.uuids = uuids;
    this.energyMj = energyMj;
    this.powerMw = powerMw;
  }

  /** GPU 0: an H100 with a counter; GPU 1: a P100 with power only. */
  static ScriptedNvml twoGpus() {
    return new ScriptedNvml(
        List.of("NVIDIA H100 80GB HBM3", "Tesla P100-PCIE-16GB"),
        List.of("GPU-aaa11111-0000", "GPU-bbb22222-0000"),
        new Long[] {5_000_000L, null},
        new long[] {300_000, 100_000});
  }

  private void check(int index) throws NvmlException {
    if (index < 0 || index >= names.size()) {
      throw new NvmlException(2, "Invalid Argument");
    }
    if (failing.contains(index)) {
      throw new NvmlException(15, "GPU is lost"); // NVML_ERROR_GPU_IS_LOST
    }
  }

  @Override
  public int deviceCount() {
    return names.size();
  }

  @Override
  public String name(int index) throws NvmlException {
    check(index);
    return names.get(index);
  }

  @Override
  public String uuid(int index) throws NvmlException {
    check(index);
    return uuids.get(index);
  }

  @Override
  public long totalEnergyMillijoules(int index) throws NvmlException {
    check(index);
    if (energyMj[index] == null) {
      throw new NvmlException(NvmlException.NOT_SUPPORTED, "Not Supported");
    }
    return energyMj[index];
  }

  @Override
  public long powerMilliwatts(int index) throws NvmlException {
    check(index);
    return powerMw[index];
  }

  @Override
  public void close() {
    closed = true;
  }
}
