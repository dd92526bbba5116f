package io.lowcarb.schedule.queue;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One attempt at a job. The queue runs each job at least once: a worker that dies after its
 * command finished but before the end was committed leaves the job to run again, so every attempt
 * is kept with its own figures, and none overwrites another's.
 *
 * @param jobId the job
 * @param attempt 1 for the first attempt, then 2, ...
 * @param worker the worker that ran it
 * @param outcome how it ended, or {@link Outcome#RUNNING} while it runs (or since its worker died)
 * @param started when it started
 * @param ended when it ended, if it did
 * @param exitCode the command's exit status, if it ended on its own
 * @param footprint what it cost, if it was measured to its end
 * @param error why it failed or stopped, if it did
 */
public record Attempt(
    long jobId,
    int attempt,
    String worker,
    Outcome outcome,
    Instant started,
    Optional<Instant> ended,
    OptionalInt exitCode,
    Optional<Footprint> footprint,
    Optional<String> error) {

  /** How an attempt ended. */
  public enum Outcome {
    /** Still running, or its worker died before it could say. */
    RUNNING,
    /** The command exited 0. */
    DONE,
    /** The command failed or could not be started. */
    FAILED,
    /** The worker stopped and put the job back in the queue. */
    STOPPED,
    /** A later attempt started while this one was still marked running: its worker was taken for dead. */
    ABANDONED;

    String column() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Outcome ofColumn(String column) {
      return valueOf(column.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
