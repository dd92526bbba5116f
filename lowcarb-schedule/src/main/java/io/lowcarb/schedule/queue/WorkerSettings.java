package io.lowcarb.schedule.queue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a worker runs the queue.
 *
 * @param threads how many jobs it runs at once
 * @param pollingInterval how often it looks for jobs whose planned start has come: the delay
 *     between a job's planned start and its actual start is at most about this
 * @param heartbeatInterval how often it tells the database that its running jobs are alive
 * @param missedHeartbeats after this many missed heartbeats (at least 4) a running job's worker
 *     is taken for dead and another worker runs the job again
 * @param stopWait on {@link Worker#close()}, how long running jobs may take to end before they
 *     are stopped and put back in the queue
 * @param logDirectory where job output goes, one {@code job-<id>.log} per job
 */
public record WorkerSettings(
    int threads,
    Duration pollingInterval,
    Duration heartbeatInterval,
    int missedHeartbeats,
    Duration stopWait,
    Path logDirectory) {

  public WorkerSettings {
    if (threads < 1) {
      throw new IllegalArgumentException("a worker needs at least 1 thread, got " + threads);
    }
    requirePositive("polling interval", pollingInterval);
    requirePositive("heartbeat interval", heartbeatInterval);
    if (missedHeartbeats < 4) {
      throw new IllegalArgumentException("missed heartbeats must be at least 4 (db-scheduler's minimum), got "
          + missedHeartbeats);
    }
    Objects.requireNonNull(stopWait, "stopWait");
    if (stopWait.isNegative()) {
      throw new IllegalArgumentException("the stop wait must not be negative, got " + stopWait);
    }
    Objects.requireNonNull(logDirectory, "logDirectory");
  }

  /**
   * One job at a time (an ML job fills a machine, and jobs side by side would blur each other's
   * measured energy); polling every 5 s (nothing next to windows of an hour, and light on the
   * database); a heartbeat every 10 s with 6 missed (db-scheduler's default) before a job of a
   * dead worker runs again, so about a minute; 30 s for running jobs to end on stop; logs in
   * {@code ~/.lowcarb/logs}.
   */
  public static WorkerSettings defaults() {
    return new WorkerSettings(
        1,
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        6,
        Duration.ofSeconds(30),
        Path.of(System.getProperty("user.home"), ".lowcarb", "logs"));
  }

  /** These settings with {@code threads} jobs at once. */
  public WorkerSettings withThreads(int threads) {
    return new WorkerSettings(threads, pollingInterval, heartbeatInterval, missedHeartbeats, stopWait, logDirectory);
  }

  /** These settings polling every {@code interval}. */
  public WorkerSettings withPollingInterval(Duration interval) {
    return new WorkerSettings(threads, interval, heartbeatInterval, missedHeartbeats, stopWait, logDirectory);
  }

  /** These settings with a heartbeat every {@code interval}. */
  public WorkerSettings withHeartbeatInterval(Duration interval) {
    return new WorkerSettings(threads, pollingInterval, interval, missedHeartbeats, stopWait, logDirectory);
  }

  /** These settings taking a worker for dead after {@code missed} heartbeats. */
  public WorkerSettings withMissedHeartbeats(int missed) {
    return new WorkerSettings(threads, pollingInterval, heartbeatInterval, missed, stopWait, logDirectory);
  }

  /** These settings giving running jobs {@code wait} to end on stop. */
  public WorkerSettings withStopWait(Duration wait) {
    return new WorkerSettings(threads, pollingInterval, heartbeatInterval, missedHeartbeats, wait, logDirectory);
  }

  /** These settings writing job output to {@code directory}. */
  public WorkerSettings withLogDirectory(Path directory) {
    return new WorkerSettings(threads, pollingInterval, heartbeatInterval, missedHeartbeats, stopWait, directory);
  }

  /** How long after a worker dies its running jobs wait before another worker runs them again. */
  public Duration deadAfter() {
    return heartbeatInterval.multipliedBy(missedHeartbeats);
  }

  private static void requirePositive(String what, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("the " + what + " must be positive, got " + d);
    }
  }
}
