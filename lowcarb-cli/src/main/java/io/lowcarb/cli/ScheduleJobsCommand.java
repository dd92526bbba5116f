package io.lowcarb.cli;

import io.lowcarb.schedule.queue.Attempt;
import io.lowcarb.schedule.queue.Job;
import io.lowcarb.schedule.queue.JobQueue;
import io.lowcarb.schedule.queue.JobState;
import java.io.PrintWriter;
import java.util.List;
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
      out.printf("%5s %-9s %-22s %-8s %9s %-22s %5s %5s %11s  %s%n", "id", "state", "planned start", "zone", "g/kWh",
          "started", "exit", "tries", "CO2e", "name");
      for (Job job : queue.list()) {
        var r = job.request();
        out.printf(Locale.ROOT, "%5d %-9s %-22s %-8s %9.1f %-22s %5s %5d %11s  %s%n", job.id(),
            job.state().name().toLowerCase(Locale.ROOT), r.window().start(), r.zone(), r.window().plannedGPerKwh(),
            job.started().map(Object::toString).orElse("-"),
            job.exitCode().isPresent() ? Integer.toString(job.exitCode().getAsInt()) : "-",
            job.attempts(), emissions(job, queue.attempts(job.id())), r.name());
      }
      out.println("CO2e: of every attempt; '>=' where an attempt's worker died before its energy was recorded");
    }
    return 0;
  }

  /** The CO2e of all of a job's attempts: a job runs at least once, and a repeat costs too. */
  static String emissions(Job job, List<Attempt> attempts) {
    if (attempts.isEmpty()) {
      return job.footprint().map(f -> Summary.grams(f.emissionsGrams())).orElse("-");
    }
    double grams = 0;
    boolean measured = false;
    boolean missing = false;
    for (Attempt a : attempts) {
      if (a.footprint().isPresent()) {
        grams += a.footprint().get().emissionsGrams();
        measured = true;
      } else if (a.outcome() != Attempt.Outcome.RUNNING || job.state() != JobState.RUNNING) {
        missing = true; // ended (or was left behind) without a figure
      }
    }
    if (!measured) {
      return "-";
    }
    return (missing ? ">=" : "") + Summary.grams(grams);
  }
}
