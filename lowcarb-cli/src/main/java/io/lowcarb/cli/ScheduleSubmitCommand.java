package io.lowcarb.cli;

import io.lowcarb.schedule.queue.Job;
import io.lowcarb.schedule.queue.JobQueue;
import io.lowcarb.schedule.queue.JobRequest;
import io.lowcarb.schedule.queue.PlannedWindow;
import io.lowcarb.schedule.window.Plan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lowcarb schedule submit}: plans a job at its greenest window and puts it in the persistent queue. */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Plan the command at the greenest window before the deadline and queue it; 'lowcarb scheduler serve'",
      "runs it then, measured."
    })
final class ScheduleSubmitCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ScheduleSource source;

  @Mixin QueueOption queueOption;

  @Option(names = "--name", paramLabel = "NAME", description = "A name for the job (default: the command).")
  String name;

  @Option(names = "--duration-estimate", required = true, converter = Durations.class, paramLabel = "DURATION",
      description = "How long the command is expected to run (e.g. 2h).")
  Duration estimate;

  @Option(names = "--deadline", required = true, converter = Times.class, paramLabel = "TIME",
      description = "When the command must be done, ISO-8601.")
  Instant deadline;

  @Option(names = "--interruptible", description = "Record that the job may be paused and resumed (it checkpoints).")
  boolean interruptible;

  @Parameters(paramLabel = "CMD", arity = "0..*", description = "The command to run, after '--'.")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() {
    Instant now = Instant.now();
    ScheduleSource.Planned planned = source.planNow(spec, command, "submit", now, deadline, estimate);
    ScheduleSource.Zone zone = planned.zone();
    Plan plan = planned.plan();
    JobRequest request;
    try {
      request = new JobRequest(name != null ? name : String.join(" ", command), command, Path.of(""),
          zone.place().zone(), zone.source(), estimate, now, deadline, interruptible,
          new PlannedWindow(plan.start(), plan.end(), plan.avgIntensity(), plan.runNowAvgIntensity()));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    try (JobQueue queue = queueOption.open()) {
      Job job = queue.submit(request);
      spec.commandLine().getOut().printf(Locale.ROOT,
          "queued job %d '%s' for %s in %s (%.1f gCO2e/kWh against %.1f at once, %.1f %% less)%n", job.id(),
          request.name(), plan.start(), zone.place().zone(), plan.avgIntensity(), plan.runNowAvgIntensity(),
          plan.savingsPct());
    }
    return 0;
  }
}
