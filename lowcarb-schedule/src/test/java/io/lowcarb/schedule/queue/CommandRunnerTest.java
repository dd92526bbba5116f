package io.lowcarb.schedule.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.Component;
import io.lowcarb.energy.Meter;
import io.lowcarb.energy.Method;
import io.lowcarb.energy.carbon.FixedIntensity;
import io.lowcarb.energy.sensor.Activity;
import io.lowcarb.energy.sensor.EnergyDelta;
import io.lowcarb.energy.sensor.EnergySensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running a job's command: directory, log, exit code, measurement, and stopping it. */
class CommandRunnerTest {
  @TempDir Path dir;

  private Job job(List<String> command) {
    Instant now = Instant.now();
    JobRequest shell = Jobs.shell("test job", "true", dir, now);
    JobRequest request =
        new JobRequest(shell.name(), command, dir, shell.zone(), shell.source(), shell.estimate(), shell.earliest(),
            shell.deadline(), false, shell.window());
    Path log = dir.resolve("job-7.log");
    return new Job(7, request, JobState.RUNNING, 2, now, Optional.of(now), Optional.empty(), OptionalInt.empty(),
        Optional.empty(), Optional.of(log), Optional.of("w1"), Optional.empty());
  }

  @Test
  void theCommandRunsInItsDirectoryWithOutputAndErrorsAppendedToTheLog() throws Exception {
    Job job = job(List.of("sh", "-c", "pwd; echo oops >&2; exit 4"));
    Path log = job.log().orElseThrow();
    Files.writeString(log, "earlier attempt\n");

    JobOutcome outcome = CommandRunner.plain().run(job, log);

    assertThat(outcome).isEqualTo(JobOutcome.unmeasured(4));
    assertThat(Files.readAllLines(log))
        .hasSize(4)
        .satisfies(lines -> {
          assertThat(lines.get(0)).isEqualTo("earlier attempt");
          assertThat(lines.get(1)).startsWith("--- lowcarb job 7 'test job', attempt 2, ").endsWith(", worker w1: sh -c pwd; echo oops >&2; exit 4");
          assertThat(lines.get(2)).isEqualTo(dir.toRealPath().toString());
          assertThat(lines.get(3)).isEqualTo("oops");
        });
  }

  @Test
  void theCommandIsToldItsJobAndAttempt() throws Exception {
    Job job = job(List.of("sh", "-c", "echo job=$LOWCARB_JOB_ID attempt=$LOWCARB_ATTEMPT"));
    Path log = job.log().orElseThrow();
    CommandRunner.plain().run(job, log);
    assertThat(Files.readAllLines(log)).last().isEqualTo("job=7 attempt=2");
  }

  @Test
  void aMissingProgramOrDirectoryIsRefusedBeforeStarting() throws IOException {
    Job missing = job(List.of("no-such-program-here", "x"));
    Job relative = job(List.of("./not-there"));
    Path log = missing.log().orElseThrow();

    assertThatThrownBy(() -> CommandRunner.plain().run(missing, log))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot start 'no-such-program-here': no such executable on PATH");
    assertThatThrownBy(() -> CommandRunner.plain().run(relative, log))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot start './not-there': no such executable");
    Files.delete(dir);
    assertThatThrownBy(() -> CommandRunner.plain().run(job(List.of("true")), log))
        .isInstanceOf(IOException.class)
        .hasMessage("working directory " + dir + " does not exist");
  }

  @Test
  void anInterruptedRunEndsTheCommandAndItsChildren() throws Exception {
    Path pids = dir.resolve("pids");
    Job job = job(List.of("sh", "-c", "sleep 30 & echo $$ $! > pids.tmp; mv pids.tmp pids; wait"));
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Future<JobOutcome> run = thread.submit(() -> CommandRunner.plain().run(job, job.log().orElseThrow()));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!Files.exists(pids) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      List<ProcessHandle> processes =
          List.of(Files.readString(pids).trim().split(" ")).stream()
              .map(pid -> ProcessHandle.of(Long.parseLong(pid)).orElseThrow())
              .toList();

      run.cancel(true); // interrupts the runner's thread

      for (ProcessHandle p : processes) {
        p.onExit().get(10, TimeUnit.SECONDS);
      }
      thread.shutdown();
      assertThat(thread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      thread.shutdownNow();
    }
  }

  @Test
  void aMeteredRunReportsTheFootprintOfItsMeter() throws Exception {
    Job job = job(List.of("sh", "-c", "sleep 0.2"));
    CommandRunner runner =
        CommandRunner.metered(
            j -> Meter.builder()
                .sensors(List.of(new SteadySensor()))
                .intensity(FixedIntensity.override(j.request().zone(), 250))
                .sampleInterval(Duration.ofMillis(50)));

    JobOutcome outcome = runner.run(job, job.log().orElseThrow());

    assertThat(outcome.exitCode()).isZero();
    Footprint footprint = outcome.footprint().orElseThrow();
    assertThat(footprint.gPerKwh()).isCloseTo(250.0, within(1e-9));
    assertThat(footprint.energyKwh()).isGreaterThan(0);
    assertThat(footprint.emissionsGrams()).isCloseTo(footprint.energyKwh() * 250, within(1e-12));
  }

  @Test
  void aMeterThatCannotBeBuiltFailsTheRunBeforeTheCommandStarts() {
    Job job = job(List.of("sh", "-c", "touch started"));
    CommandRunner runner =
        CommandRunner.metered(j -> Meter.builder().zone("NOT-A-ZONE"));

    assertThatThrownBy(() -> runner.run(job, job.log().orElseThrow()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown zone 'NOT-A-ZONE'");
    assertThat(dir.resolve("started")).doesNotExist();
  }

  /** 1 J per sample to the machine and 0.5 J of it to the measured process. */
  private static final class SteadySensor implements EnergySensor {
    @Override
    public String name() {
      return "steady";
    }

    @Override
    public Component component() {
      return Component.CPU;
    }

    @Override
    public Method method() {
      return Method.ESTIMATE;
    }

    @Override
    public double uncertaintyPct() {
      return 0;
    }

    @Override
    public EnergyDelta sample(Activity activity) {
      return new EnergyDelta(1, 0.5);
    }
  }
}
