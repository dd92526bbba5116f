package io.lowcarb.advise.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lowcarb.advise.names.UnknownNameException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HardwareTablesTest {
  final HardwareCatalog catalog = HardwareCatalog.builtIn();

  @Test
  void everyDeviceAndInstanceCitesASourceAndAYear() {
    List<Device> devices = catalog.devices().devices();
    assertThat(devices).hasSizeGreaterThanOrEqualTo(30);
    assertThat(devices).allSatisfy(d -> {
      assertThat(d.source()).isNotBlank();
      assertThat(d.year()).matches("(19|20)\\d\\d");
    });
    List<Instance> instances = catalog.instances().instances();
    assertThat(instances.stream().map(Instance::cloud).collect(Collectors.toSet())).containsExactlyInAnyOrder("aws", "gcp", "azure");
    assertThat(instances).hasSizeGreaterThanOrEqualTo(30).allSatisfy(i -> assertThat(i.source()).startsWith("https://"));
  }

  @Test
  void anInstanceAddsItsAcceleratorsHostShareAndMemory() {
    Instance p4d = catalog.instances().find("aws:p4d.24xlarge").orElseThrow();
    assertThat(p4d.peak(Precision.FP32).tflops()).isEqualTo(8 * 19.5);
    assertThat(p4d.peak(Precision.FP16).tflops()).isEqualTo(8 * 312.0);
    // 8 x 400 W + 48 of 24-core 240 W Xeon at 10 % (32 % of TDP) + 1152 GB x 0.3725 W/GB
    double expected = 3200 + 480 * 0.32 + 1152 * 0.3725;
    assertThat(p4d.power(1.0).watts()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(p4d.kind()).isEqualTo(DeviceKind.GPU);
    assertThat(p4d.units()).isEqualTo(8);
  }

  @Test
  void aMissingPrecisionFallsBackToAWiderOne() {
    Device a10g = catalog.devices().find("a10g").orElseThrow();
    assertThat(a10g.usablePeak(Precision.FP16)).isEqualTo(new Device.Peak(31.52, Precision.FP32));
    Device tpu = catalog.devices().find("TPU-v4").orElseThrow();
    assertThat(tpu.usablePeak(Precision.FP32).known()).isFalse();
  }

  @Test
  void namesGlobsAndCountsChooseHardware() {
    assertThat(catalog.select(List.of("aws:p4*"))).extracting(Hardware::name)
        .containsExactly("aws:p4de.24xlarge", "aws:p4d.24xlarge");
    assertThat(catalog.select(List.of("g4dn.xlarge", "4xA100 SXM4 80GB", "EPYC-7763"))).extracting(Hardware::name)
        .containsExactly("aws:g4dn.xlarge", "4xA100-SXM4-80GB", "EPYC-7763");
    assertThat(catalog.select(List.of("2xEPYC-7763")).getFirst().units()).isEqualTo(128);
    assertThat(catalog.select(List.of("gcp:*"))).hasSize(8).allSatisfy(h -> assertThat(h.provider()).contains("gcp"));
  }

  @Test
  void anUnknownNameListsCloseMatches() {
    assertThatThrownBy(() -> catalog.select(List.of("p4d.24xl")))
        .isInstanceOf(UnknownNameException.class)
        .hasMessageStartingWith("unknown hardware 'p4d.24xl'; close matches: aws:p4d.24xlarge");
    assertThatThrownBy(() -> catalog.select(List.of("H10-SXM")))
        .hasMessageContaining("H100-SXM");
    assertThatThrownBy(() -> catalog.select(List.of("zzzzzzzz"))).hasMessage("unknown hardware 'zzzzzzzz'");
  }
}
