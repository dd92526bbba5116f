package io.lowcarb.schedule.queue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** Requests, settings and waiting for the queue's tests. */
final class Jobs {
  private Jobs() {}

  /** A shell command planned to start at {@code start}, in {@code directory}. */
  static JobRequest shell(String name, String script, Path directory, Instant start) {
    return new JobRequest(
        name,
        List.of("sh", "-c", script),
        directory,
        "DE",
        "test",
        Duration.ofMinutes(1),
        start.minus(Duration.ofHours(1)),
        start.plus(Duration.ofHours(2)),
        false,
        new PlannedWindow(start, start.plus(Duration.ofMinutes(1)), 120.0, 380.0));
  }

  /** Settings quick enough for tests: polling and heartbeats every second, dead after 4 s. */
  static WorkerSettings fast(Path logs) {
    return WorkerSettings.defaults()
        .withPollingInterval(Duration.ofSeconds(1))
        .withHeartbeatInterval(Duration.ofSeconds(1))
        .withMissedHeartbeats(4)
        .withStopWait(Duration.ofSeconds(5))
        .withLogDirectory(logs);
  }

  /** Polls the queue until {@code done} holds for its jobs; fails after {@code timeout}. */
  static List<Job> await(JobQueue queue, Duration timeout, String what, Predicate<List<Job>> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Job> jobs = queue.list();
    while (!done.test(jobs)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + timeout + " for " + what + "; the queue has " + describe(jobs));
      }
      Thread.sleep(50);
      jobs = queue.list();
    }
    return jobs;
  }

  /** Waits until every job is finished. */
  static List<Job> awaitFinished(JobQueue queue, Duration timeout) throws InterruptedException {
    return await(queue, timeout, "every job to finish", jobs -> jobs.stream().allMatch(j -> j.state().finished()));
  }

  static String describe(List<Job> jobs) {
    StringBuilder b = new StringBuilder();
    for (Job j : jobs) {
      b.append("\n  ").append(j.id()).append(' ').append(j.name()).append(' ').append(j.state())
          .append(" attempts=").append(j.attempts()).append(" worker=").append(j.worker().orElse("-"))
          .append(" error=").append(j.error().orElse("-"));
    }
    return b.toString();
  }
}
