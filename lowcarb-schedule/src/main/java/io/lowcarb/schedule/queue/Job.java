package io.lowcarb.schedule.queue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A job in the queue, as last stored.
 *
 * @param id its number in this queue
 * @param request what was submitted
 * @param state where it is in its life
 * @param attempts how many times a worker has started it (more than one when a worker stopped
 *     or died while it ran)
 * @param submitted when it was queued
 * @param started when its latest attempt started
 * @param ended when it ended (or was cancelled)
 * @param exitCode its command's exit code, once it ran to its end
 * @param footprint its energy and emissions, when the runner measured them
 * @param log the file its output goes to, on the worker's machine, once it has started
 * @param worker the worker that ran its latest attempt
 * @param error why it failed or why its last attempt did not finish, if it did not simply exit
 */
public record Job(
    long id,
    JobRequest request,
    JobState state,
    int attempts,
    Instant submitted,
    Optional<Instant> started,
    Optional<Instant> ended,
    OptionalInt exitCode,
    Optional<Footprint> footprint,
    Optional<Path> log,
    Optional<String> worker,
    Optional<String> error) {

  public Job {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(submitted, "submitted");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(ended, "ended");
    Objects.requireNonNull(exitCode, "exitCode");
    Objects.requireNonNull(footprint, "footprint");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(error, "error");
  }

  /** The job's name. */
  public String name() {
    return request.name();
  }

  /** The planned window. */
  public PlannedWindow window() {
    return request.window();
  }
}
