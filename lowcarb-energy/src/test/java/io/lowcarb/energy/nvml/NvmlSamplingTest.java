package io.lowcarb.energy.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.Component;
import io.lowcarb.energy.Method;
import io.lowcarb.energy.sensor.Activity;
import io.lowcarb.energy.sensor.EnergyDelta;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Counters, integrated power and attribution, over the scripted devices. */
class NvmlSamplingTest {
  final ScriptedNvml nvml = ScriptedNvml.twoGpus();

  /** An interval in which the measured process had a tiny share of the CPUs. */
  private static Activity interval(double seconds) {
    return new Activity(Instant.EPOCH, seconds, 0.1, 0.01, 1_000, 1_000_000, 2_000_000);
  }

  @Test
  void opensEveryDeviceAndTellsHowEachIsRead() throws Exception {
    NvmlSensor gpu = NvmlSensor.open(nvml, null);
    assertThat(gpu.devices()).containsExactly(
        new NvmlSensor.Device(0, "NVIDIA H100 80GB HBM3", true),
        new NvmlSensor.Device(1, "Tesla P100-PCIE-16GB", false));
    assertThat(gpu.name()).isEqualTo("nvml:0,1");
    assertThat(gpu.component()).isEqualTo(Component.GPU);
    assertThat(gpu.method()).isEqualTo(Method.NVML);
    assertThat(gpu.uncertaintyPct()).isEqualTo(10); // one device is integrated from power samples
    assertThat(NvmlSensor.open(nvml, "0").uncertaintyPct()).isEqualTo(5);
  }

  @Test
  void aCounterIsReadAsADifferenceInMillijoules() throws Exception {
    NvmlSensor gpu = NvmlSensor.open(nvml, "0");
    assertThat(gpu.sample(interval(0))).isEqualTo(EnergyDelta.ZERO); // not the energy since the driver loaded
    nvml.energyMj[0] += 1_234_567;
    assertThat(gpu.sample(interval(5)).machineJoules()).isCloseTo(1234.567, within(1e-9));
  }

  @Test
  void powerIsIntegratedWithTheTrapezoidOverTheInterval() throws Exception {
    NvmlSensor gpu = NvmlSensor.open(nvml, "1");
    gpu.sample(interval(0)); // 100 W
    nvml.powerMw[1] = 200_000;
    assertThat(gpu.sample(interval(3)).machineJoules()).isCloseTo((100 + 200) / 2.0 * 3, within(1e-9));
    nvml.powerMw[1] = 50_000;
    assertThat(gpu.sample(interval(0.5)).machineJoules()).isCloseTo((200 + 50) / 2.0 * 0.5, within(1e-9));
  }

  @Test
  void theWholeDeviceIsAttributedToTheJobWhateverItsCpuShare() throws Exception {
    NvmlSensor gpu = NvmlSensor.open(nvml, null);
    gpu.sample(interval(0));
    nvml.energyMj[0] += 400_000;
    EnergyDelta d = gpu.sample(interval(2)); // 400 J + 2 s at 100 W
    assertThat(d.machineJoules()).isCloseTo(600, within(1e-9));
    assertThat(d.processJoules()).isEqualTo(d.machineJoules());
  }

  @Test
  void aCounterThatGoesBackIsNotNegativeEnergy() throws Exception {
    NvmlSensor gpu = NvmlSensor.open(nvml, "0");
    gpu.sample(interval(0));
    nvml.energyMj[0] = 10L; // the driver was reloaded
    assertThat(gpu.sample(interval(1)).machineJoules()).isZero();
    nvml.energyMj[0] = 2_010L;
    assertThat(gpu.sample(interval(1)).machineJoules()).isCloseTo(2, within(1e-9));
  }

  @Test
  void aDeviceErrorSkipsThatDeviceOnceAndTheCounterCatchesUp() throws Exception {
    NvmlSensor gpu = NvmlSensor.open(nvml, null);
    gpu.sample(interval(0));
    nvml.failing.add(0);
    nvml.energyMj[0] += 100_000;
    assertThat(gpu.sample(interval(1)).machineJoules()).isCloseTo(100, within(1e-9)); // only GPU 1's 100 W
    nvml.failing.clear();
    nvml.energyMj[0] += 100_000;
    assertThat(gpu.sample(interval(1)).machineJoules()).isCloseTo(200 + 100, within(1e-9));
  }

  @Test
  void aCounterUnreadableAtTheFirstSampleDoesNotCountTheEnergySinceTheDriverLoaded() throws Exception {
    NvmlSensor gpu = NvmlSensor.open(nvml, "0");
    nvml.failing.add(0);
    gpu.sample(interval(0));
    nvml.failing.clear();
    nvml.energyMj[0] += 1_000; // 1 J; the counter holds 5 kJ from before
    assertThat(gpu.sample(interval(1)).machineJoules()).isLessThanOrEqualTo(1.0);
  }

  @Test
  void openFailsOnErrorsOtherThanNotSupported() {
    nvml.failing.add(1);
    assertThatThrownBy(() -> NvmlSensor.open(nvml, null)).isInstanceOf(NvmlException.class).hasMessageContaining("GPU is lost");
  }

  @Test
  void closingTheSensorShutsNvmlDown() throws Exception {
    NvmlSensor.open(nvml, null).close();
    assertThat(nvml.closed).isTrue();
  }
}
