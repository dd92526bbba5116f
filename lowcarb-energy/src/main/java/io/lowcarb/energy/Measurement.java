package io.lowcarb.energy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A task being measured. Ending it ({@link #stop()} or {@link #close()}) returns its report;
 * tasks started from it are nested and appear in its report. Safe to use from several threads.
 */
public final class Measurement implements AutoCloseable {
  private final Meter meter;
  private final String task;
  private final Measurement parent;
  private final Totals start;
  private final List<EnergyReport> children = new ArrayList<>();
  private final List<Measurement> open = new ArrayList<>();
  private EnergyReport report;
  private Consumer<EnergyReport> progress;
  private long progressEveryNanos;
  private long nextProgressNanos;

  Measurement(Meter meter, String task, Measurement parent, Totals start) {
    this.meter = meter;
    this.task = task;
    this.parent = parent;
    this.start = start;
  }

  /** The task's name. */
  public String task() {
    return task;
  }

  /** Starts a nested task. */
  public synchronized Measurement start(String child) {
    if (report != null) {
      throw new IllegalStateException("task '" + task + "' has ended");
    }
    Measurement m = new Measurement(meter, Objects.requireNonNull(child, "task"), this, meter.sampler().sample());
    open.add(m);
    return m;
  }

  /**
   * Calls {@code listener} from the sampling thread with a report of the task so far, about every
   * {@code every}, until the task ends. Used to flush progress so that a crash loses little.
   */
  public synchronized Measurement onProgress(Duration every, Consumer<EnergyReport> listener) {
    this.progress = Objects.requireNonNull(listener);
    this.progressEveryNanos = every.toNanos();
    this.nextProgressNanos = start.monotonicNanos() + progressEveryNanos;
    meter.watch(this);
    return this;
  }

  void progressIfDue(Totals now) {
    Consumer<EnergyReport> listener;
    EnergyReport sofar;
    synchronized (this) {
      if (progress == null || report != null || now.monotonicNanos() < nextProgressNanos) {
        return;
      }
      nextProgressNanos = now.monotonicNanos() + progressEveryNanos;
      listener = progress;
      sofar = Reports.between(meter, task, start, now, false, List.copyOf(children));
    }
    listener.accept(sofar);
  }

  /** A report of the task so far, without ending it (takes a sample). */
  public synchronized EnergyReport peek() {
    if (report != null) {
      return report;
    }
    return Reports.between(meter, task, start, meter.sampler().sample(), false, List.copyOf(children));
  }

  /** Ends the task (and any nested task still open) and returns its report; later calls return the same. */
  public EnergyReport stop() {
    List<Measurement> stillOpen;
    synchronized (this) {
      if (report != null) {
        return report;
      }
      stillOpen = new ArrayList<>(open);
    }
    for (Measurement child : stillOpen) {
      child.stop();
    }
    EnergyReport done;
    synchronized (this) {
      if (report != null) {
        return report;
      }
      report = Reports.between(meter, task, start, meter.sampler().sample(), true, List.copyOf(children));
      done = report;
    }
    meter.unwatch(this);
    if (parent != null) {
      parent.childEnded(this, done);
    }
    return done;
  }

  private synchronized void childEnded(Measurement child, EnergyReport childReport) {
    open.remove(child);
    children.add(childReport);
  }

  /** The report, once the task has ended. */
  public synchronized java.util.Optional<EnergyReport> report() {
    return java.util.Optional.ofNullable(report);
  }

  /** Ends the task; the report is then available from {@link #report()}. */
  @Override
  public void close() {
    stop();
  }
}
