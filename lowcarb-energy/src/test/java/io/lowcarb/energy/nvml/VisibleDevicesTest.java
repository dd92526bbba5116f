package io.lowcarb.energy.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CUDA_VISIBLE_DEVICES as CUDA reads it, and what the sensor then opens. */
class VisibleDevicesTest {
  static final List<String> UUIDS = List.of("GPU-aaa11111-0000", "GPU-abc22222-0000", "GPU-bbb33333-0000");

  @Test
  void unsetMeansEveryDeviceAndEmptyMeansNone() {
    assertThat(VisibleDevices.select(null, UUIDS)).containsExactly(0, 1, 2);
    assertThat(VisibleDevices.select("", UUIDS)).isEmpty();
  }

  @Test
  void indicesAreTakenInTheOrderGiven() {
    assertThat(VisibleDevices.select("2,0", UUIDS)).containsExactly(2, 0);
    assertThat(VisibleDevices.select(" 1 , 2 ", UUIDS)).containsExactly(1, 2);
  }

  @Test
  void theListEndsAtTheFirstEntryThatNamesNoDevice() {
    assertThat(VisibleDevices.select("0,7,1", UUIDS)).containsExactly(0);
    assertThat(VisibleDevices.select("1,-1,0", UUIDS)).containsExactly(1);
    assertThat(VisibleDevices.select("1,,0", UUIDS)).containsExactly(1);
    assertThat(VisibleDevices.select("1,1,0", UUIDS)).containsExactly(1); // a repeat ends it too
    assertThat(VisibleDevices.select("cuda0", UUIDS)).isEmpty();
  }

  @Test
  void aUuidOrAUniquePrefixOfOneSelectsThatDevice() {
    assertThat(VisibleDevices.select("GPU-bbb33333-0000", UUIDS)).containsExactly(2);
    assertThat(VisibleDevices.select("GPU-bbb,GPU-aaa", UUIDS)).containsExactly(2, 0);
    assertThat(VisibleDevices.select("GPU-a", UUIDS)).isEmpty(); // matches two devices
    assertThat(VisibleDevices.select("GPU-zzz", UUIDS)).isEmpty();
  }

  @Test
  void anIndexTooLargeForAnIntNamesNoDevice() {
    assertThat(VisibleDevices.select("1,99999999999", UUIDS)).containsExactly(1);
  }

  @Test
  void theSensorMeasuresOnlyTheSelectedDevices() throws Exception {
    assertThat(NvmlSensor.open(ScriptedNvml.twoGpus(), "1").devices())
        .extracting(NvmlSensor.Device::index).containsExactly(1);
    assertThat(NvmlSensor.open(ScriptedNvml.twoGpus(), "GPU-bbb").devices())
        .extracting(NvmlSensor.Device::name).containsExactly("Tesla P100-PCIE-16GB");
    assertThat(NvmlSensor.open(ScriptedNvml.twoGpus(), "0,7,1").devices())
        .extracting(NvmlSensor.Device::index).containsExactly(0);
    NvmlSensor none = NvmlSensor.open(ScriptedNvml.twoGpus(), "");
    assertThat(none.devices()).isEmpty();
    assertThat(none.sample(new io.lowcarb.energy.sensor.Activity(java.time.Instant.EPOCH, 1, 0, 0, 0, 0, 0)))
        .isEqualTo(io.lowcarb.energy.sensor.EnergyDelta.ZERO);
  }
}
