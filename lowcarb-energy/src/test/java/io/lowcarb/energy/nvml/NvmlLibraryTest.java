package io.lowcarb.energy.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.sensor.Activity;
import io.lowcarb.testing.HostTool;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real FFM binding against a stand-in library with NVML's C signatures, compiled here with
 * gcc: handles, strings, 64-bit counters and error codes cross the boundary as on a real driver.
 * Skipped without gcc, failed instead under {@code LOWCARB_REQUIRE_GCC=1} ({@link HostTool}).
 */
class NvmlLibraryTest {
  @TempDir static Path dir;
  static Path library;

  @BeforeAll
  static void compile() throws Exception {
    Path source = dir.resolve("fake-nvml.c");
    try (InputStream in = NvmlLibraryTest.class.getResourceAsStream("/fake-nvml.c")) {
      Files.copy(in, source);
    }
    library = dir.resolve("libnvidia-ml.so.1");
    Process gcc = new ProcessBuilder(HostTool.GCC.require().toString(), "-shared", "-fPIC", "-o", library.toString(),
        source.toString()).redirectErrorStream(true).start();
    assertThat(gcc.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(gcc.exitValue()).as(new String(gcc.getInputStream().readAllBytes())).isZero();
  }

  @Test
  void readsDevicesCountersAndPowerThroughTheBinding() throws Exception {
    try (NvmlLibrary nvml = NvmlLibrary.open(library.toString())) {
      assertThat(nvml.deviceCount()).isEqualTo(2);
      assertThat(nvml.name(0)).isEqualTo("Fake NVIDIA H100");
      assertThat(nvml.uuid(1)).isEqualTo("GPU-fake1111-bbbb");
      long first = nvml.totalEnergyMillijoules(0);
      assertThat(nvml.totalEnergyMillijoules(0) - first).isEqualTo(500_000);
      assertThat(nvml.powerMilliwatts(1)).isEqualTo(250_000);
      assertThatThrownBy(() -> nvml.totalEnergyMillijoules(1))
          .isInstanceOf(NvmlException.class)
          .hasMessage("nvmlDeviceGetTotalEnergyConsumption: Not Supported")
          .extracting(e -> ((NvmlException) e).code()).isEqualTo(NvmlException.NOT_SUPPORTED);
      assertThatThrownBy(() -> nvml.name(5)).hasMessageContaining("Invalid Argument");
    }
  }

  @Test
  void readsTheRangeAndSetsThePowerLimitThroughTheBinding() throws Exception {
    try (NvmlLibrary nvml = NvmlLibrary.open(library.toString())) {
      assertThat(nvml.powerLimitRange(0)).isEqualTo(new PowerLimitRange(200_000, 700_000));
      long before = nvml.powerLimitMilliwatts(0);
      nvml.setPowerLimitMilliwatts(0, 300_000);
      assertThat(nvml.powerLimitMilliwatts(0)).isEqualTo(300_000);
      nvml.setPowerLimitMilliwatts(0, before);
      assertThat(nvml.powerLimitMilliwatts(0)).isEqualTo(before);
      assertThatThrownBy(() -> nvml.setPowerLimitMilliwatts(1, 200_000))
          .hasMessage("nvmlDeviceSetPowerManagementLimit: Insufficient Permissions")
          .extracting(e -> ((NvmlException) e).code()).isEqualTo(NvmlException.NO_PERMISSION);
    }
  }

  @Test
  void theSensorUsesTheCounterWhereThereIsOneAndPowerElsewhere() throws Exception {
    NvmlSensor gpu = NvmlSensor.open(NvmlLibrary.open(library.toString()), "GPU-fake1111,0");
    assertThat(gpu.devices()).extracting(NvmlSensor.Device::index).containsExactly(1, 0);
    assertThat(gpu.devices()).extracting(NvmlSensor.Device::energyCounter).containsExactly(false, true);
    Activity second = new Activity(Instant.EPOCH, 1.0, 0, 0, 0, 0, 0);
    gpu.sample(second);
    // device 0: +500 J per read; device 1: 250 W for 1 s
    assertThat(gpu.sample(second).machineJoules()).isCloseTo(750, within(1e-9));
    gpu.close();
  }
}
