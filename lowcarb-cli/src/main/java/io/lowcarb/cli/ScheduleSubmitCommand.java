package io.lowcarb.cli;

import io.lowcarb.schedule.queue.Job;
import io.lowcarb.schedule.queue.JobQueue;
import io.lowcarb.schedule.queue.JobRequest;
import io.lowcarb.schedule.queue.PlannedWindow;
import io.lowcarb.schedule.window.Plan;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.lowcarb.energy.report.AtomicFile;
import java.io.IOException;
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

  @Option(names = "--json", paramLabel = "FILE",
      description = "Write the job's id, its plan, and the run_id under which a worker that records runs will record it.")
  Path json;

  @Parameters(paramLabel = "CMD", arity = "0..*", description = "The command to run, after '--'.")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    if (json != null && json.toAbsolutePath().getParent() != null
        && !java.nio.file.Files.isDirectory(json.toAbsolutePath().getParent())) {
      throw new UsageException("the directory of " + json + " does not exist");
    }
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
    Job job;
    try (JobQueue queue = queueOption.open()) {
      job = queue.submit(request);
      spec.commandLine().getOut().printf(Locale.ROOT,
          "queued job %d '%s' for %s in %s (%.1f gCO2e/kWh against %.1f at once, %.1f %% less)%n", job.id(),
          request.name(), plan.start(), zone.place().zone(), plan.avgIntensity(), plan.runNowAvgIntensity(),
          plan.savingsPct());
    }
    if (json != null) {
      writeJson(job, plan.savingsPct());
    }
    return 0;
  }

  private void writeJson(Job job, double savingsPct) throws IOException {
    AtomicFile.write(json, o -> {
      try (JsonGenerator g = new JsonFactory().createGenerator(o, JsonEncoding.UTF8)) {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        // The job is recorded when a worker runs it; its run's id is known now.
        g.writeStringField("run_id", RecordedJobs.runId(job));
        g.writeNumberField("job_id", job.id());
        g.writeStringField("name", job.name());
        g.writeStringField("zone", job.request().zone());
        g.writeStringField("source", job.request().source());
        g.writeStringField("deadline", job.request().deadline().toString());
        g.writeObjectFieldStart("planned");
        g.writeStringField("start", job.request().window().start().toString());
        g.writeStringField("end", job.request().window().end().toString());
        g.writeNumberField("avg_intensity_g_per_kwh", job.request().window().plannedGPerKwh());
        g.writeNumberField("run_now_avg_intensity_g_per_kwh", job.request().window().runNowGPerKwh());
        g.writeNumberField("savings_pct", savingsPct);
        g.writeEndObject();
        g.writeEndObject();
      }
    });
  }
}
