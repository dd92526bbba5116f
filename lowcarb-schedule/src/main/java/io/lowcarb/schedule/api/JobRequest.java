package io.lowcarb.schedule.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A job to queue, as posted to {@code /jobs}.
 *
 * @param name a name for people
 * @param command the program and its arguments
 * @param zone the location whose intensity decides when it runs
 * @param durationEstimate how long it is expected to run
 * @param deadline when it must have finished
 * @param interruptible whether it may be paused and resumed
 */
public record JobRequest(
    String name, List<String> command, String zone, Duration durationEstimate, Instant deadline, boolean interruptible) {

  public JobRequest {
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("a job needs a command");
    }
    if (durationEstimate.isNegative() || durationEstimate.isZero()) {
      throw new IllegalArgumentException("a job's duration estimate must be positive, got " + durationEstimate);
    }
  }
}
