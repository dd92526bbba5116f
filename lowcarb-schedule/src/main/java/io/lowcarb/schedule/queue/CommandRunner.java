package io.lowcarb.schedule.queue;

import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.Measurement;
import io.lowcarb.energy.Meter;
import io.lowcarb.energy.sensor.ActivityProbe;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs a job's command in its working directory, output and errors appended to the job's log,
 * optionally measured by a lowcarb {@link Meter}.
 *
 * <p>On Linux the command is started through {@code setpriv --pdeathsig KILL}, so that it is
 * killed when the worker process dies: a job whose worker died must not go on and finish while
 * another worker runs it again.
 */
public final class CommandRunner implements JobRunner {
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
  private static final long STOP_GRACE_SECONDS = 5;

  private final Function<Job, Meter.Builder> meters;

  private CommandRunner(Function<Job, Meter.Builder> meters) {
    this.meters = meters;
  }

  /** Runs commands without measuring them. */
  public static CommandRunner plain() {
    return new CommandRunner(null);
  }

  /**
   * Runs commands measured: for each job, {@code meters} gives a meter builder (sensors, intensity
   * for the job's zone and source, PUE), to which the runner adds the command's process tree.
   */
  public static CommandRunner metered(Function<Job, Meter.Builder> meters) {
    return new CommandRunner(Objects.requireNonNull(meters, "meters"));
  }

  @Override
  public JobOutcome run(Job job, Path log) throws IOException, InterruptedException {
    List<String> command = job.request().command();
    Path directory = job.request().directory();
    if (!Files.isDirectory(directory)) {
      throw new IOException("working directory " + directory + " does not exist");
    }
    String program = command.getFirst();
    if (!findable(program, directory)) {
      throw new IOException("cannot start '" + program + "': no such executable"
          + (program.contains("/") ? "" : " on PATH"));
    }
    Files.writeString(log, header(job), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    if (meters == null) {
      return JobOutcome.unmeasured(waitFor(start(job, log)));
    }
    ActivityProbe activity = ActivityProbe.forCommand();
    try (Meter meter = meters.apply(job).activity(activity).build()) {
      Measurement measurement = meter.start(job.name());
      Process process;
      try {
        process = start(job, log);
      } catch (IOException e) {
        measurement.stop();
        throw e;
      }
      activity.attach(process.pid());
      int exit = waitFor(process);
      EnergyReport report = measurement.stop();
      return JobOutcome.measured(exit, report);
    }
  }

  private static Process start(Job job, Path log) throws IOException {
    List<String> argv = new ArrayList<>();
    if (Files.isExecutable(SETPRIV)) {
      argv.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--"));
    }
    argv.addAll(job.request().command());
    ProcessBuilder builder =
        new ProcessBuilder(argv)
            .directory(job.request().directory().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // The queue delivers at least once: a command that must not repeat its work checks these.
    builder.environment().put("LOWCARB_JOB_ID", Long.toString(job.id()));
    builder.environment().put("LOWCARB_ATTEMPT", Integer.toString(job.attempts()));
    Process process = builder.start();
    process.getOutputStream().close(); // no input: a command that reads stdin sees its end
    return process;
  }

  /** Waits for the end; if the worker stops meanwhile, ends the command's processes first. */
  private static int waitFor(Process process) throws InterruptedException {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      List<ProcessHandle> tree = process.descendants().toList();
      process.destroy();
      tree.forEach(ProcessHandle::destroy);
      if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      throw e;
    }
  }

  private static String header(Job job) {
    return "--- lowcarb job " + job.id() + " '" + job.name() + "', attempt " + job.attempts() + ", "
        + Instant.now() + ", worker " + job.worker().orElse("?") + ": "
        + String.join(" ", job.request().command()) + System.lineSeparator();
  }

  /** Whether the program can be found as ProcessBuilder would look for it. */
  private static boolean findable(String program, Path directory) {
    if (program.contains("/")) {
      return Files.isExecutable(directory.resolve(program));
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
