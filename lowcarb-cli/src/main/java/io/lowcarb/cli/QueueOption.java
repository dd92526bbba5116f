package io.lowcarb.cli;

import io.lowcarb.schedule.queue.JobQueue;
import io.lowcarb.schedule.queue.QueueException;
import picocli.CommandLine.Option;

/** The job queue's database: {@code --queue URL}, else {@code LOWCARB_QUEUE}, else an H2 file under ~/.lowcarb. */
final class QueueOption {
  @Option(names = "--queue", paramLabel = "JDBC_URL",
      description = "The queue's database: jdbc:postgresql://... to share it between machines (default: $LOWCARB_QUEUE, "
          + "else an H2 file in ~/.lowcarb).")
  String url;

  JobQueue open() {
    String chosen = url != null ? url : System.getenv("LOWCARB_QUEUE");
    try {
      return chosen == null || chosen.isBlank() ? JobQueue.openDefault() : JobQueue.open(chosen);
    } catch (IllegalArgumentException | QueueException e) {
      throw new UsageException("cannot open the job queue: " + e.getMessage());
    }
  }
}
