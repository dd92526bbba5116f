package io.lowcarb.energy.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.Method;
import io.lowcarb.energy.sensor.Activity;
import io.lowcarb.energy.sensor.EnergyDelta;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NvmlSensorTest {

  /** Two GPUs: a Volta-or-newer one with an energy counter, an older one with power only. */
  static final class ScriptedNvml implements Nvml {
    long energyMj = 1_000_000;
    long powerMw = 100_000;
    boolean closed;

    @Override
    public int deviceCount() {
      return 2;
    }

    @Override
    public String name(int index) {
      return index == 0 ? "NVIDIA H100 80GB HBM3" : "Tesla P100-PCIE-16GB";
    }

    @Override
    public String uuid(int index) {
      return index == 0 ? "GPU-aaaa1111" : "GPU-bbbb2222";
    }

    @Override
    public long totalEnergyMillijoules(int index) throws NvmlException {
      if (index == 1) {
        throw new NvmlException(NvmlException.NOT_SUPPORTED, "Not Supported");
      }
      return energyMj;
    }

    @Override
    public long powerMilliwatts(int index) {
      return powerMw;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static Activity seconds(double s) {
    return new Activity(Instant.EPOCH, s, 0.1, 0.01, 0, 0, 0);
  }

  @Test
  void readsTheCounterOrIntegratesPowerAndAttributesTheWholeDevice() throws Exception {
    ScriptedNvml nvml = new ScriptedNvml();
    NvmlSensor gpu = NvmlSensor.open(nvml, null);
    assertThat(gpu.devices()).extracting(NvmlSensor.Device::energyCounter).containsExactly(true, false);
    assertThat(gpu.method()).isEqualTo(Method.NVML);
    assertThat(gpu.sample(seconds(0))).isEqualTo(new EnergyDelta(0, 0));
    nvml.energyMj += 250_000; // 250 J on GPU 0
    nvml.powerMw = 300_000; // GPU 1 went from 100 W to 300 W over 2 s: 400 J by the trapezoid
    EnergyDelta d = gpu.sample(seconds(2));
    assertThat(d.machineJoules()).isCloseTo(650, within(1e-9));
    assertThat(d.processJoules()).isEqualTo(d.machineJoules());
    gpu.close();
    assertThat(nvml.closed).isTrue();
  }

  @Test
  void honoursCudaVisibleDevices() throws Exception {
    assertThat(NvmlSensor.open(new ScriptedNvml(), "1").devices()).extracting(NvmlSensor.Device::index).containsExactly(1);
    assertThat(NvmlSensor.open(new ScriptedNvml(), "GPU-bbbb").devices()).extracting(NvmlSensor.Device::name)
        .containsExactly("Tesla P100-PCIE-16GB");
    assertThat(NvmlSensor.open(new ScriptedNvml(), "").devices()).isEmpty();
  }

  @Test
  void visibleDevicesFollowCudasRules() {
    List<String> uuids = List.of("GPU-aaaa", "GPU-abcd", "GPU-bbbb");
    assertThat(VisibleDevices.select(null, uuids)).containsExactly(0, 1, 2);
    assertThat(VisibleDevices.select("2,0", uuids)).containsExactly(2, 0);
    assertThat(VisibleDevices.select("0,7,1", uuids)).containsExactly(0); // stops at the first invalid entry
    assertThat(VisibleDevices.select("GPU-bb", uuids)).containsExactly(2);
    assertThat(VisibleDevices.select("GPU-a", uuids)).isEmpty(); // ambiguous prefix
    assertThat(VisibleDevices.select("-1", uuids)).isEmpty();
  }

  @Test
  void theRealBindingSaysTheLibraryIsAbsent() {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        java.nio.file.Files.exists(java.nio.file.Path.of("/proc/driver/nvidia")), "this machine has an NVIDIA driver");
    assertThatThrownBy(NvmlLibrary::open)
        .isInstanceOf(NvmlUnavailableException.class)
        .hasMessageContaining("libnvidia-ml.so.1 not found");
    assertThatThrownBy(() -> NvmlLibrary.open("/nonexistent/libnvidia-ml.so.1"))
        .isInstanceOf(NvmlUnavailableException.class)
        .hasMessageContaining("not found");
  }
}
