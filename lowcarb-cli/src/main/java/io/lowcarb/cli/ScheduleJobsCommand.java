package io.lowcarb.cli;

import io.lowcarb.schedule.queue.Job;
import io.lowcarb.schedule.queue.JobQueue;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code lowcarb schedule jobs}: the queue's jobs, planned against actual. */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "List the queued and finished jobs.")
final class ScheduleJobsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin QueueOption queueOption;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (JobQueue queue = queueOption.open()) {
      out.printf("%5s %-9s %-22s %-8s %9s %-22s %5s %10s  %s%n", "id", "state", "planned start", "zone", "g/kWh",
          "started", "exit", "CO2e", "name");
      for (Job job : queue.list()) {
        var r = job.request();
        out.printf(Locale.ROOT, "%5d %-9s %-22s %-8s %9.1f %-22s %5s %10s  %s%n", job.id(),
            job.state().name().toLowerCase(Locale.ROOT), r.window().start(), r.zone(), r.window().plannedGPerKwh(),
            job.started().map(Object::toString).orElse("-"),
            job.exitCode().isPresent() ? Integer.toString(job.exitCode().getAsInt()) : "-",
            job.footprint().map(f -> Summary.grams(f.emissionsGrams())).orElse("-"), r.name());
      }
    }
    return 0;
  }
}
