package io.lowcarb.schedule.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A queued job, as {@code /jobs} shows it. Durations are written in ISO-8601 ({@code PT2H}),
 * times as ISO-8601 instants. A caller without the bearer token sees every job's state but not
 * its command, which may carry paths and secrets passed as arguments.
 *
 * @param id the queue's id for it
 * @param name a name for people
 * @param command the program and its arguments; null, and left out of the JSON, where hidden
 * @param zone the location whose intensity decides when it runs
 * @param durationEstimate how long it is expected to run
 * @param deadline when it must have finished
 * @param interruptible whether it may be paused and resumed
 * @param state where it is, in the queue's words (for example {@code WAITING}, {@code RUNNING}, {@code DONE})
 * @param plannedStart when it is planned to start, or null when not planned yet
 */
public record JobView(
    String id,
    String name,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> command,
    String zone,
    Duration durationEstimate,
    Instant deadline,
    boolean interruptible,
    String state,
    Instant plannedStart) {

  public JobView {
    command = command == null ? null : List.copyOf(command);
  }

  /** This job as a caller without the token sees it: without its command. */
  public JobView withoutCommand() {
    return new JobView(id, name, null, zone, durationEstimate, deadline, interruptible, state, plannedStart);
  }
}
