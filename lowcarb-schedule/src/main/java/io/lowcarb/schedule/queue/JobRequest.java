package io.lowcarb.schedule.queue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A job to queue: what to run, where, and the window it is planned for.
 *
 * @param name a name for people
 * @param command the command and its arguments (run without a shell)
 * @param directory the working directory to run it in (made absolute)
 * @param zone the grid zone the intensities are for, for example {@code DE}
 * @param source where the intensities come from, for example {@code electricitymaps}
 * @param estimate how long it is expected to run
 * @param earliest it may not start before this
 * @param deadline it should have ended by this
 * @param interruptible whether it may be stopped and started again (it checkpoints)
 * @param window the planned window, within earliest..deadline
 */
public record JobRequest(
    String name,
    List<String> command,
    Path directory,
    String zone,
    String source,
    Duration estimate,
    Instant earliest,
    Instant deadline,
    boolean interruptible,
    PlannedWindow window) {

  public JobRequest {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a job needs a name");
    }
    if (command == null || command.isEmpty() || command.getFirst().isBlank()) {
      throw new IllegalArgumentException("job '" + name + "' has no command");
    }
    command = List.copyOf(command); // also refuses null arguments
    directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(estimate, "estimate");
    Objects.requireNonNull(earliest, "earliest");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(window, "window");
    if (estimate.isNegative() || estimate.isZero()) {
      throw new IllegalArgumentException("job '" + name + "' needs a positive duration estimate, got " + estimate);
    }
    if (deadline.isBefore(earliest)) {
      throw new IllegalArgumentException(
          "job '" + name + "' has its deadline (" + deadline + ") before its earliest start (" + earliest + ")");
    }
    if (window.start().isBefore(earliest) || window.end().isAfter(deadline)) {
      throw new IllegalArgumentException("job '" + name + "' is planned for " + window.start() + ".." + window.end()
          + ", outside its allowed " + earliest + ".." + deadline);
    }
  }
}
