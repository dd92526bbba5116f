package io.lowcarb.energy.nvml;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** On a machine without the NVIDIA driver, the real binding says so instead of failing obscurely. */
class NvmlAbsentTest {

  @Test
  void theDriversLibraryIsNotFound() {
    Assumptions.assumeFalse(Files.exists(Path.of("/proc/driver/nvidia")), "this machine has an NVIDIA driver");
    assertThatThrownBy(NvmlLibrary::open)
        .isInstanceOf(NvmlUnavailableException.class)
        .hasMessageContaining(NvmlLibrary.LIBRARY)
        .hasMessageContaining("not found");
  }

  @Test
  void aPathThatDoesNotExistIsNotFound() {
    assertThatThrownBy(() -> NvmlLibrary.open("/nonexistent/libnvidia-ml.so.1"))
        .isInstanceOf(NvmlUnavailableException.class)
        .hasMessageContaining("/nonexistent/libnvidia-ml.so.1 not found");
  }
}
