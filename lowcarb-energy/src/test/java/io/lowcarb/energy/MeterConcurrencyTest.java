package io.lowcarb.energy;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.energy.carbon.FixedIntensity;
import io.lowcarb.energy.sensor.Activity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** Many tasks on many threads while another thread samples: nothing is lost, torn or counted twice. */
class MeterConcurrencyTest {
  static final int THREADS = 8;
  static final int TASKS = 200;

  @Test
  void tasksOnManyThreadsSeeWholeDeltasAndTheTotalsAddUp() throws Exception {
    StepClock clock = new StepClock(Instant.parse("2024-05-01T00:00:00Z"));
    ScriptedSensor cpu = ScriptedSensor.cpu(10, 4);
    Queue<EnergyReport> reports = new ConcurrentLinkedQueue<>();
    Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
    try (Meter meter = Meter.builder().clock(clock)
        .activity((start, seconds) -> new Activity(start, seconds, 0.5, 0.4, 0, 0, 0))
        .sensors(List.of(cpu)).intensity(FixedIntensity.override("ES", 300)).sampleInterval(Duration.ZERO).build()) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        threads.add(Thread.ofPlatform().unstarted(() -> {
          for (int i = 0; i < TASKS; i++) {
            try (Measurement m = meter.start("task")) {
              clock.step(Duration.ofMillis(1));
              reports.add(m.stop());
            }
          }
        }));
      }
      threads.add(Thread.ofPlatform().unstarted(() -> {
        for (int i = 0; i < 1000; i++) {
          meter.sampleNow();
        }
      }));
      for (Thread t : threads) {
        t.setUncaughtExceptionHandler((th, e) -> errors.add(e));
        t.start();
      }
      for (Thread t : threads) {
        t.join();
      }

      assertThat(errors).isEmpty();
      assertThat(reports).hasSize(THREADS * TASKS).allSatisfy(r -> {
        assertThat(r.joules()).isNotNegative();
        assertThat(r.joules() % 4.0).isZero(); // a whole number of intervals, never half a sample
        assertThat(r.emissionsGrams()).isNotNegative();
        assertThat(r.complete()).isTrue();
      });
      assertThat(meter.machineJoules()).containsEntry(Component.CPU, cpu.given().machineJoules());
      assertThat(meter.processJoules()).containsEntry(Component.CPU, cpu.given().processJoules());
      assertThat(cpu.samples.get()).isEqualTo(1 + THREADS * TASKS * 2 + 1000);
    }
  }
}
