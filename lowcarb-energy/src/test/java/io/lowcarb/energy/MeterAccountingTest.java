package io.lowcarb.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.carbon.FixedIntensity;
import io.lowcarb.energy.sensor.Activity;
import io.lowcarb.energy.sensor.ActivitySource;
import io.lowcarb.energy.sensor.EnergyDelta;
import io.lowcarb.energy.sensor.EnergySensor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A task's figures are exactly what the sensors gave while it ran: sums, groups, power and emissions. */
class MeterAccountingTest {
  static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

  final StepClock clock = new StepClock(T0);
  final ActivitySource idle = (start, seconds) -> new Activity(start, seconds, 0.5, 0.1, 0, 4_000, 8_000);

  private Meter meter(List<EnergySensor> sensors) {
    return Meter.builder().clock(clock).activity(idle).sensors(sensors)
        .intensity(FixedIntensity.override("ES", 250)).sampleInterval(Duration.ZERO).build();
  }

  @Test
  void aTaskGetsTheDeltasSampledWhileItRanAndNothingBefore() {
    ScriptedSensor cpu = ScriptedSensor.cpu(10, 4);
    try (Meter meter = meter(List.of(cpu))) {
      clock.step(Duration.ofSeconds(5));
      meter.sampleNow(); // before the task
      Measurement task = meter.start("fit"); // this sample closes the interval before the task
      for (int i = 0; i < 2; i++) {
        clock.step(Duration.ofSeconds(5));
        meter.sampleNow();
      }
      clock.step(Duration.ofSeconds(5));
      EnergyReport r = task.stop(); // three intervals in the task
      assertThat(r.joules()).isEqualTo(3 * 4.0);
      assertThat(r.machineComponents()).singleElement().satisfies(c -> assertThat(c.joules()).isEqualTo(3 * 10.0));
      assertThat(r.seconds()).isEqualTo(15);
      assertThat(r.component(Component.CPU).orElseThrow().averageWatts()).isCloseTo(12.0 / 15, within(1e-12));
      assertThat(r.start()).isEqualTo(T0.plusSeconds(5));
      assertThat(r.end()).isEqualTo(T0.plusSeconds(20));
      assertThat(meter.machineJoules()).containsEntry(Component.CPU, cpu.given().machineJoules());
      assertThat(meter.processJoules()).containsEntry(Component.CPU, 5 * 4.0);
    }
  }

  @Test
  void sensorsOfOneComponentAreAddedAndKeepTheirWorstUncertainty() {
    ScriptedSensor rapl = ScriptedSensor.cpu(10, 5);
    ScriptedSensor other = new ScriptedSensor("other:cpu", Component.CPU, Method.ESTIMATE, 25, new EnergyDelta(2, 1));
    ScriptedSensor gpu = new ScriptedSensor("nvml:0", Component.GPU, Method.NVML, 5, new EnergyDelta(100, 100));
    ScriptedSensor ram = new ScriptedSensor("estimate:ram", Component.RAM, Method.ESTIMATE, 40, new EnergyDelta(3, 1));
    try (Meter meter = meter(List.of(ram, rapl, gpu, other)); Measurement task = meter.start("t")) {
      clock.step(Duration.ofSeconds(10));
      EnergyReport r = task.stop();
      assertThat(r.components()).extracting(ComponentEnergy::component)
          .containsExactly(Component.CPU, Component.GPU, Component.RAM);
      ComponentEnergy cpu = r.component(Component.CPU).orElseThrow();
      assertThat(cpu.joules()).isEqualTo(6);
      assertThat(cpu.averageWatts()).isCloseTo(0.6, within(1e-12));
      assertThat(cpu.uncertaintyPct()).isEqualTo(25);
      assertThat(cpu.method()).isEqualTo(Method.RAPL);
      assertThat(cpu.sensor()).isEqualTo("scripted:cpu+other:cpu");
      assertThat(r.component(Component.GPU).orElseThrow().method()).isEqualTo(Method.NVML);
      assertThat(r.component(Component.RAM).orElseThrow().uncertaintyPct()).isEqualTo(40);
      assertThat(r.joules()).isEqualTo(6 + 100 + 1);
      assertThat(meter.machineWatts()).containsEntry(Component.CPU, 1.2).containsEntry(Component.GPU, 10.0);
    }
  }

  @Test
  void emissionsAreKilowattHoursTimesIntensityTimesPue() {
    ScriptedSensor cpu = ScriptedSensor.cpu(3.6e6, 1.8e6); // 1 kWh of which half to the process
    try (Meter meter = Meter.builder().clock(clock).activity(idle).sensors(List.of(cpu))
            .intensity(FixedIntensity.override("ES", 250)).pue(1.4).sampleInterval(Duration.ZERO).build();
        Measurement task = meter.start("t")) {
      clock.step(Duration.ofMinutes(1));
      EnergyReport r = task.stop();
      assertThat(r.kwh()).isCloseTo(0.5, within(1e-12));
      assertThat(r.emissionsGrams()).isCloseTo(0.5 * 250 * 1.4, within(1e-9));
      assertThat(r.emissionsKg()).isCloseTo(0.5 * 250 * 1.4 / 1000, within(1e-12));
      assertThat(r.machineEmissionsGrams()).isCloseTo(1.0 * 250 * 1.4, within(1e-9));
      assertThat(r.intensity().gPerKwh()).isCloseTo(250, within(1e-9));
      assertThat(r.pue()).isEqualTo(1.4);
      // The meter also counts the interval before the task (closed by start): two samples in all.
      assertThat(meter.machineGrams()).isCloseTo(Units.kwh(cpu.given().machineJoules()) * 250 * 1.4, within(1e-9));
      assertThat(meter.processGrams()).isCloseTo(2 * 0.5 * 250 * 1.4, within(1e-9));
    }
  }

  @Test
  void theScopeChoosesProcessOrMachineEnergy() {
    for (Scope scope : Scope.values()) {
      try (Meter meter = Meter.builder().clock(clock).activity(idle).sensors(List.of(ScriptedSensor.cpu(10, 4)))
              .intensity(FixedIntensity.override("ES", 250)).scope(scope).sampleInterval(Duration.ZERO).build();
          Measurement task = meter.start("t")) {
        clock.step(Duration.ofSeconds(1));
        meter.sampleNow();
        clock.step(Duration.ofSeconds(1));
        EnergyReport r = task.stop();
        assertThat(r.scope()).isEqualTo(scope);
        assertThat(r.joules()).isEqualTo(scope == Scope.PROCESS ? 8.0 : 20.0);
        assertThat(r.machineKwh()).isEqualTo(Units.kwh(20));
        assertThat(r.emissionsGrams()).isCloseTo(Units.grams(r.joules(), 250, 1.0), within(1e-15));
      }
    }
  }

  @Test
  void aPeekIsAnIncompleteReportAndLeavesTheTaskRunning() {
    try (Meter meter = meter(List.of(ScriptedSensor.cpu(10, 4))); Measurement task = meter.start("t")) {
      clock.step(Duration.ofSeconds(1));
      EnergyReport sofar = task.peek();
      assertThat(sofar.complete()).isFalse();
      assertThat(sofar.joules()).isEqualTo(4);
      assertThat(task.report()).isEmpty();
      clock.step(Duration.ofSeconds(1));
      EnergyReport done = task.stop();
      assertThat(done.complete()).isTrue();
      assertThat(done.joules()).isEqualTo(8);
      assertThat(task.peek()).isSameAs(done);
    }
  }

  @Test
  void stoppingAParentStopsEveryOpenDescendantAndStopIsIdempotent() {
    try (Meter meter = meter(List.of(ScriptedSensor.cpu(10, 4)))) {
      Measurement run = meter.start("run");
      Measurement epoch = run.start("epoch");
      Measurement batch = epoch.start("batch");
      clock.step(Duration.ofSeconds(1));
      EnergyReport r = run.stop();
      assertThat(r.children()).singleElement().satisfies(e -> {
        assertThat(e.task()).isEqualTo("epoch");
        assertThat(e.children()).extracting(EnergyReport::task).containsExactly("batch");
      });
      assertThat(batch.report()).isPresent();
      assertThat(epoch.report()).isPresent();
      assertThat(run.stop()).isSameAs(r);
      assertThat(epoch.stop()).isSameAs(r.children().getFirst());
    }
  }

  @Test
  void closingTheMeterClosesItsSensorsAndRefusesNewTasks() {
    ScriptedSensor cpu = ScriptedSensor.cpu(1, 1);
    Meter meter = meter(List.of(cpu));
    meter.close();
    assertThat(cpu.closed).isTrue();
    assertThatThrownBy(() -> meter.start("late")).isInstanceOf(IllegalStateException.class);
    meter.close(); // twice is harmless
  }
}
