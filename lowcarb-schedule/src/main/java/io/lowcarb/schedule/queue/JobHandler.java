package io.lowcarb.schedule.queue;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.VoidExecutionHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a worker does when db-scheduler hands it a job's task instance. The job row decides:
 * a finished or cancelled job is left alone (so a task picked twice never runs a job twice to
 * completion), a queued one runs, and a running one, whose worker died or stopped before it
 * ended, runs again as a new attempt. Each state change is its own transaction, and the end is
 * written to the job only if the row still shows this attempt running.
 *
 * <p>Delivery is at least once: a worker that dies after its command finished, before the end is
 * committed, leaves the job to run again. So every attempt is kept in {@code lowcarb_job_attempts}
 * with its own energy, and the command is told its attempt ({@code LOWCARB_ATTEMPT}) and job
 * ({@code LOWCARB_JOB_ID}) so that it can skip work an earlier attempt finished.
 */
final class JobHandler implements VoidExecutionHandler<Void> {
  private static final System.Logger LOG = System.getLogger(JobHandler.class.getName());

  private final Database db;
  private final JobRunner runner;
  private final Path logDirectory;
  private final String worker;
  private final InstantSource clock;

  JobHandler(Database db, JobRunner runner, Path logDirectory, String worker, InstantSource clock) {
    this.db = db;
    this.runner = runner;
    this.logDirectory = logDirectory;
    this.worker = worker;
    this.clock = clock;
  }

  @Override
  public void execute(TaskInstance<Void> instance, ExecutionContext context) {
    long id;
    try {
      id = Long.parseLong(instance.getId());
    } catch (NumberFormatException e) {
      LOG.log(Level.WARNING, "task instance ''{0}'' names no job; nothing to run", instance.getId());
      return;
    }
    run(id);
  }

  /** Runs job {@code id} if it is not finished; records how it ended. */
  void run(long id) {
    Optional<Job> started = begin(id);
    if (started.isEmpty()) {
      return;
    }
    Job job = started.get();
    int attempt = job.attempts();
    Path log = job.log().orElseThrow();
    JobOutcome outcome;
    try {
      Files.createDirectories(log.getParent());
      outcome = runner.run(job, log);
    } catch (InterruptedException e) {
      // The worker is stopping: this attempt did not finish, so the job goes back to the queue.
      String reason = "attempt " + attempt + " stopped when worker " + worker + " stopped";
      db.inTransaction(
          "put job " + id + " back in the queue",
          c -> {
            AttemptTable.end(c, id, attempt, Attempt.Outcome.STOPPED, clock.instant(), OptionalInt.empty(),
                Optional.empty(), Optional.of(reason));
            return JobTable.requeue(c, id, attempt, reason);
          });
      throw new JobStopped(id);
    } catch (IOException | RuntimeException e) {
      String reason = "cannot run: " + (e.getMessage() == null ? e.toString() : e.getMessage());
      end(id, attempt, JobState.FAILED, OptionalInt.empty(), Optional.empty(), Optional.of(reason));
      return;
    }
    JobState state = outcome.exitCode() == 0 ? JobState.DONE : JobState.FAILED;
    end(id, attempt, state, OptionalInt.of(outcome.exitCode()), outcome.footprint(), Optional.empty());
  }

  private Optional<Job> begin(long id) {
    return db.inTransaction(
        "start job " + id,
        c -> {
          Optional<Job> row = JobTable.lock(c, id);
          if (row.isEmpty()) {
            LOG.log(Level.WARNING, "job {0} is not in the queue; nothing to run", Long.toString(id));
            return Optional.empty();
          }
          Job job = row.get();
          if (job.state().finished()) {
            return Optional.empty();
          }
          if (job.state() == JobState.RUNNING) {
            LOG.log(Level.INFO, "job {0}: attempt {1} on {2} did not finish; running it again",
                Long.toString(id), job.attempts(), job.worker().orElse("?"));
          }
          JobTable.start(c, id, clock.instant(), logDirectory.resolve("job-" + id + ".log"), worker);
          Optional<Job> running = JobTable.find(c, id);
          AttemptTable.start(c, id, running.orElseThrow().attempts(), worker, clock.instant());
          return running;
        });
  }

  private void end(
      long id, int attempt, JobState state, OptionalInt exit, Optional<Footprint> footprint, Optional<String> error) {
    boolean written =
        db.inTransaction(
            "record the end of job " + id,
            c -> {
              Attempt.Outcome outcome = state == JobState.DONE ? Attempt.Outcome.DONE : Attempt.Outcome.FAILED;
              AttemptTable.end(c, id, attempt, outcome, clock.instant(), exit, footprint, error);
              return JobTable.finish(c, id, attempt, state, clock.instant(), exit, footprint, error);
            });
    if (!written) {
      // Only when this worker was taken for dead while the job ran and another worker took over.
      LOG.log(Level.WARNING, "job {0}: attempt {1} ended, but the queue has moved on; its end is kept with the attempt",
          Long.toString(id), attempt);
    }
  }

  /** Thrown to db-scheduler so that it schedules the task again: the job did not finish. */
  static final class JobStopped extends RuntimeException {
    JobStopped(long id) {
      super("job " + id + " was stopped before it ended; it goes back to the queue");
    }
  }
}
