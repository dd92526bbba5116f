package io.lowcarb.schedule.queue;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.util.function.Consumer;

/**
 * A db-scheduler scheduler running the queue's jobs in this process. Any number of workers, in
 * any number of processes, may serve one queue: each job runs on one of them.
 */
public final class Worker implements AutoCloseable {
  private final Scheduler scheduler;
  private final String name;
  private final WorkerSettings settings;
  private final Consumer<Worker> onClose;
  private boolean closed;

  Worker(Scheduler scheduler, String name, WorkerSettings settings, Consumer<Worker> onClose) {
    this.scheduler = scheduler;
    this.name = name;
    this.settings = settings;
    this.onClose = onClose;
  }

  /** The name jobs record as their worker (host, process id and a number). */
  public String name() {
    return name;
  }

  /** The settings it runs with. */
  public WorkerSettings settings() {
    return settings;
  }

  /**
   * Stops taking jobs and waits up to {@link WorkerSettings#stopWait()} for running ones to end;
   * those still running then are stopped and put back in the queue, to run again (a new attempt).
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      scheduler.stop();
    } finally {
      onClose.accept(this);
    }
  }
}
