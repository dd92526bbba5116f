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
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Records each job a worker runs in the run store, as a scheduled run with its planned window;
 * a store that fails to take it is reported and the job still runs.
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

  @Override
  public JobOutcome run(Job job, Path log) throws IOException, InterruptedException {
    String id = begin(job);
    JobOutcome outcome;
    try {
      outcome = runner.run(job, log);
    } catch (IOException | RuntimeException e) {
      end(id, new RunEnd(RunStatus.FAILED, Instant.now(), Optional.empty(), Map.of(), List.of(), Optional.empty(),
          OptionalInt.empty(), String.valueOf(e.getMessage())));
      throw e;
    }
    Optional<Footprint> footprint = outcome.report().map(Footprint::of);
    RunEnd end = new RunEnd(RunStatus.FINISHED, outcome.report().map(r -> r.end()).orElse(Instant.now()), footprint,
        Map.of("planned_intensity_g_per_kwh", job.request().window().plannedGPerKwh(),
            "at_once_intensity_g_per_kwh", job.request().window().runNowGPerKwh()),
        List.of(), Optional.empty(), OptionalInt.of(outcome.exitCode()), "");
    end(id, outcome.exitCode() == 0 ? end : end.failed("the command exited with status " + outcome.exitCode()));
    return outcome;
  }

  private String begin(Job job) {
    JobRequest r = job.request();
    Map<String, String> p = new TreeMap<>();
    p.put("job_id", Long.toString(job.id()));
    p.put("zone", r.zone());
    p.put("source", r.source());
    p.put("window_start", r.window().start().toString());
    p.put("window_end", r.window().end().toString());
    p.put("deadline", r.deadline().toString());
    p.put("directory", r.directory().toString());
    try {
      return store.begin(new RunStart(RunKind.SCHEDULED, r.name(), String.join(" ", r.command()), p, Instant.now(),
          machine, ""));
    } catch (StoreException e) {
      err.println("scheduler: warning: job " + job.id() + " is not recorded: " + e.getMessage());
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
