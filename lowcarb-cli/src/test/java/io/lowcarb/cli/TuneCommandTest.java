package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.testing.HostTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lowcarb tune gpu-power} refuses without a GPU to sweep. It runs in its own JVM so that
 * {@code LOWCARB_NVML_LIBRARY} can name the NVML it loads: a missing one, or the energy core's
 * stand-in (compiled here) with DJL's CPU-only engine.
 */
class TuneCommandTest {
  @TempDir Path dir;

  private record Run(int exit, String output) {}

  private Run gpuPower(Path nvml, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "tune", "gpu-power"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile());
    pb.environment().putAll(Map.of("LOWCARB_NVML_LIBRARY", nvml.toString()));
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(dir.resolve("log")));
  }

  @Test
  void withoutNvmlItSaysSoInOneLine() throws Exception {
    Run r = gpuPower(dir.resolve("libnvidia-ml.so.1"), "--steps", "3");
    assertThat(r.exit()).as(r.output()).isEqualTo(2);
    assertThat(r.output().strip()).startsWith("tune gpu-power: no NVIDIA GPU: NVML is not available (")
        .doesNotContain("\n");
  }

  @Test
  void withNvmlButACpuOnlyEngineItRefusesToSweep() throws Exception {
    Path library = dir.resolve("libnvidia-ml.so.1");
    Process gcc = new ProcessBuilder(HostTool.GCC.require().toString(), "-shared", "-fPIC", "-o", library.toString(),
        Path.of("../lowcarb-energy/src/test/resources/fake-nvml.c").toString()).inheritIO().start();
    assertThat(gcc.waitFor(60, TimeUnit.SECONDS) && gcc.exitValue() == 0).isTrue();
    Run r = gpuPower(library, "--limits", "300,500");
    assertThat(r.exit()).as(r.output()).isEqualTo(2);
    assertThat(r.output()).contains("NVML sees Fake NVIDIA H100 (limits 200-700 W, now 700 W)")
        .contains("DJL's PyTorch engine sees 0 GPU(s) (a CPU-only libtorch)");
    Run both = gpuPower(library, "--limits", "300", "--steps", "3");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.output()).contains("--limits or --steps, not both");
  }
}
