package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SensorsCommandTest {

  @Test
  void explainsEverySensorAndWhyItIsNotUsed() {
    Cli.Result r = Cli.inProcess("sensors");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("machine:").contains("cpu ").contains("ram ").contains("gpu ");
    // This machine has no NVIDIA driver: the GPU line says so instead of failing.
    if (!java.nio.file.Files.exists(java.nio.file.Path.of("/proc/driver/nvidia"))) {
      assertThat(r.out()).contains("libnvidia-ml.so.1 not found");
    }
    assertThat(r.out().lines().filter(l -> l.contains(" used ")).count()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void cpuTdpOverrideIsShown() {
    Cli.Result r = Cli.inProcess("sensors", "--cpu-tdp", "95");
    assertThat(r.exit()).isZero();
    if (!r.out().contains("cpu  rapl         used")) {
      assertThat(r.out()).contains("TDP 95 W from --cpu-tdp");
    }
  }

  @Test
  void zonesListsTheTableWithSources() {
    Cli.Result r = Cli.inProcess("zones", "aws:eu-west");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("aws:eu-west-1").contains("PUE 1.2");
    assertThat(Cli.inProcess("zones", "atlantis").exit()).isEqualTo(2);
  }
}
