package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lowcarb.testing.HostTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lowcarb measure} with a GPU: NVML is a stand-in library with NVML's C signatures (the
 * energy core's test resource, compiled here), named by {@code LOWCARB_NVML_LIBRARY}.
 */
class GpuMeasureTest {
  @TempDir Path dir;

  @Test
  void theGpuIsMeasuredWithNvmlAndAttributedWhole() throws Exception {
    Path source = Path.of("../lowcarb-energy/src/test/resources/fake-nvml.c");
    Path library = dir.resolve("libnvidia-ml.so.1");
    Process gcc = new ProcessBuilder(HostTool.GCC.require().toString(), "-shared", "-fPIC", "-o", library.toString(),
        source.toString()).inheritIO().start();
    assertThat(gcc.waitFor(60, TimeUnit.SECONDS) && gcc.exitValue() == 0).isTrue();

    Path json = dir.resolve("gpu.json");
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "measure", "--json", json.toString(), "--interval", "200ms", "--", "sleep", "1"));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile());
    pb.environment().put("LOWCARB_NVML_LIBRARY", library.toString());
    pb.environment().put("CUDA_VISIBLE_DEVICES", "0");
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("log"))).isZero();

    JsonNode s = new ObjectMapper().readTree(json.toFile());
    JsonNode gpu = null;
    for (JsonNode c : s.get("components")) {
      if (c.get("name").asText().equals("gpu")) {
        gpu = c;
      }
    }
    assertThat(gpu).as("a gpu component").isNotNull();
    assertThat(gpu.get("method").asText()).isEqualTo("nvml");
    assertThat(gpu.get("energy_kwh").asDouble()).isPositive();
    assertThat(gpu.get("uncertainty_pct").asDouble()).isEqualTo(5.0);
    assertThat(s.get("machine").get("gpus").toString()).isEqualTo("[\"Fake NVIDIA H100\"]");
  }
}
