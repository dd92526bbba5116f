package io.lowcarb.energy.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.Component;
import io.lowcarb.energy.Method;
import io.lowcarb.energy.sensor.Activity;
import io.lowcarb.energy.sensor.EnergyDelta;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EstimateSensorsTest {
  static final long GB = 1_000_000_000L;

  /** {@code seconds} at {@code utilisation}, the tree having {@code share} of the CPUs and {@code rssGb} resident. */
  private static Activity activity(double seconds, double utilisation, double share, long rssGb, long totalGb) {
    return new Activity(Instant.EPOCH, seconds, utilisation, share, rssGb * GB, totalGb * GB / 2, totalGb * GB);
  }

  @Test
  void cpuEnergyIsModelPowerTimesTimeAttributedByCpuShare() {
    CpuEstimateSensor cpu = new CpuEstimateSensor(CpuPowerModel.override(200));
    EnergyDelta d = cpu.sample(activity(10, 1.0, 0.2, 1, 8));
    assertThat(d.machineJoules()).isCloseTo(1.02 * 200 * 10, within(1e-9));
    assertThat(d.processJoules()).isCloseTo(1.02 * 200 * 10 * 0.2, within(1e-9));
    assertThat(cpu.sample(activity(0, 1.0, 0.2, 1, 8))).isEqualTo(EnergyDelta.ZERO);
  }

  @Test
  void cpuSensorTakesItsMethodAndUncertaintyFromTheModel() {
    CpuEstimateSensor user = new CpuEstimateSensor(CpuPowerModel.override(65));
    assertThat(user.method()).isEqualTo(Method.OVERRIDE);
    assertThat(user.component()).isEqualTo(Component.CPU);
    CpuPowerModel table = CpuPowerModel.forCpu(CpuTable.builtIn(), "AMD EPYC 7763 64-Core Processor", 8);
    CpuEstimateSensor estimated = new CpuEstimateSensor(table);
    assertThat(estimated.method()).isEqualTo(Method.ESTIMATE);
    assertThat(estimated.uncertaintyPct()).isEqualTo(table.uncertaintyPct());
    assertThat(estimated.model()).isSameAs(table);
  }

  @Test
  void ramDrawsAFixedPowerPerInstalledGigabyte() {
    EnergyDelta hour = new RamEstimateSensor().sample(activity(3600, 0.5, 0.5, 2, 16));
    assertThat(hour.machineJoules()).isCloseTo(0.3725 * 16 * 3600, within(1e-6));
    assertThat(hour.processJoules()).isCloseTo(0.3725 * 2 * 3600, within(1e-6)); // the tree's resident memory
  }

  @Test
  void theProcessNeverGetsMoreThanTheMachine() {
    EnergyDelta d = new RamEstimateSensor().sample(activity(1, 0, 0, 64, 16));
    assertThat(d.processJoules()).isEqualTo(d.machineJoules());
  }

  @Test
  void ramSensorDescribesItself() {
    RamEstimateSensor ram = new RamEstimateSensor();
    assertThat(ram.component()).isEqualTo(Component.RAM);
    assertThat(ram.method()).isEqualTo(Method.ESTIMATE);
    assertThat(ram.uncertaintyPct()).isEqualTo(40);
    assertThat(RamEstimateSensor.WATTS_PER_GB).isEqualTo(0.3725);
  }
}
