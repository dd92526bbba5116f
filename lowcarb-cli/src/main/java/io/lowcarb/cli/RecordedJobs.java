package io.lowcarb.cli;

import io.lowcarb.schedule.queue.Job;
import io.lowcarb.schedule.queue.JobOutcome;
import io.lowcarb.schedule.queue.JobRequest;
import io.lowcarb.schedule.queue.JobRunner;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.Machine;
import io.lowcarb.track.RunEnd;
import io.lowcarb.track.RunKind;
import io.lowcarb.track.RunStart;
import io.lowcarb.track.RunStatus;
import io.lowcarb.track.RunStore;
import io.lowcarb.track.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Records each job a worker runs in the run store: the job as a scheduled run with its planned
 * window, under the id {@code schedule submit} gave out ({@link #runId(Job)}), and each attempt's
 * measurement as a run under it. The job's run ends as its last attempt does, with that attempt's
 * footprint (an attempt killed with its worker never recorded an end). A store that fails to take
 * them is reported and the job still runs.
 */
final class RecordedJobs implements JobRunner {
  private final JobRunner runner;
  private final RunStore store;
  private final Machine machine;
  private final PrintWriter err;

  RecordedJobs(JobRunner runner, RunStore store, Machine machine, PrintWriter err) {
    this.runner = runner;
    this.store = store;
    this.machine = machine;
    this.err = err;
  }

  /**
   * The id of {@code job}'s run in the store: a UUID made from the job's id and the millisecond it
   * was submitted, so that the submitter and every worker name it alike without asking each other.
   */
  static String runId(Job job) {
    String name = "lowcarb job " + job.id() + " submitted " + job.submitted().toEpochMilli();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  @Override
  public JobOutcome run(Job job, Path log) throws IOException, InterruptedException {
    String jobRun = beginJob(job);
    String attempt = jobRun == null ? null : begin(job, attempt(job).under(jobRun));
    JobOutcome outcome;
    try {
      outcome = runner.run(job, log);
    } catch (IOException | RuntimeException e) {
      RunEnd failed = new RunEnd(RunStatus.FAILED, Instant.now(), Optional.empty(), Map.of(), List.of(),
          Optional.empty(), OptionalInt.empty(), String.valueOf(e.getMessage()));
      end(attempt, failed);
      end(jobRun, failed);
      throw e;
    }
    Optional<Footprint> footprint = outcome.report().map(Footprint::of);
    RunEnd end = new RunEnd(RunStatus.FINISHED, outcome.report().map(r -> r.end()).orElse(Instant.now()), footprint,
        Map.of("planned_intensity_g_per_kwh", job.request().window().plannedGPerKwh(),
            "at_once_intensity_g_per_kwh", job.request().window().runNowGPerKwh()),
        List.of(), Optional.empty(), OptionalInt.of(outcome.exitCode()), "");
    RunEnd ended = outcome.exitCode() == 0 ? end : end.failed("the command exited with status " + outcome.exitCode());
    end(attempt, ended);
    end(jobRun, ended);
    return outcome;
  }

  /** The job's run: begun at its first attempt, running again at a later one; null when the store fails. */
  private String beginJob(Job job) {
    String id = runId(job);
    try {
      if (store.contains(id)) {
        store.reopen(id);
        return id;
      }
    } catch (StoreException e) {
      err.println("scheduler: warning: job " + job.id() + " is not recorded: " + e.getMessage());
      return null;
    }
    JobRequest r = job.request();
    Map<String, String> p = new TreeMap<>();
    p.put("job_id", Long.toString(job.id()));
    p.put("zone", r.zone());
    p.put("source", r.source());
    p.put("window_start", r.window().start().toString());
    p.put("window_end", r.window().end().toString());
    p.put("deadline", r.deadline().toString());
    p.put("directory", r.directory().toString());
    RunStart start = new RunStart(RunKind.SCHEDULED, r.name(), String.join(" ", r.command()), p, Instant.now(),
        machine, "");
    try {
      return store.begin(id, start);
    } catch (StoreException e) {
      err.println("scheduler: warning: job " + job.id() + " is not recorded: " + e.getMessage());
      return null;
    }
  }

  /** An attempt's measurement. */
  private RunStart attempt(Job job) {
    return new RunStart(RunKind.MEASURE, job.name() + " (attempt " + job.attempts() + ")",
        String.join(" ", job.request().command()),
        Map.of("job_id", Long.toString(job.id()), "attempt", Integer.toString(job.attempts())), Instant.now(), machine,
        "");
  }

  private String begin(Job job, RunStart start) {
    try {
      return store.begin(start);
    } catch (StoreException e) {
      err.println("scheduler: warning: attempt " + job.attempts() + " of job " + job.id() + " is not recorded: "
          + e.getMessage());
      return null;
    }
  }

  private void end(String id, RunEnd end) {
    if (id == null) {
      return;
    }
    try {
      store.finish(id, end);
    } catch (StoreException e) {
      err.println("scheduler: warning: the end of run " + id + " is not recorded: " + e.getMessage());
    }
  }
}
