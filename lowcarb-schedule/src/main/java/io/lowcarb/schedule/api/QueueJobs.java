package io.lowcarb.schedule.api;

import io.lowcarb.energy.carbon.IntensityUnavailableException;
import io.lowcarb.schedule.queue.Job;
import io.lowcarb.schedule.queue.JobQueue;
import io.lowcarb.schedule.queue.JobState;
import io.lowcarb.schedule.queue.PlannedWindow;
import io.lowcarb.schedule.window.BestWindow;
import io.lowcarb.schedule.window.Plan;
import io.lowcarb.schedule.window.Slots;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * {@code /jobs} over the persistent queue: a submitted job is planned at its location's greenest
 * window before its deadline (on the catalog's forecast) and queued there.
 */
public final class QueueJobs implements JobsBackend {
  private final JobQueue queue;
  private final Catalog catalog;
  private final InstantSource clock;
  private final Path directory;

  /**
   * @param queue the queue jobs go to
   * @param catalog where each location's forecast comes from
   * @param clock the time of submission
   * @param directory the working directory of jobs submitted over HTTP
   */
  public QueueJobs(JobQueue queue, Catalog catalog, InstantSource clock, Path directory) {
    this.queue = queue;
    this.catalog = catalog;
    this.clock = clock;
    this.directory = directory;
  }

  @Override
  public List<JobView> list() {
    return queue.list().stream().map(QueueJobs::view).toList();
  }

  @Override
  public JobView submit(JobRequest request) {
    Catalog.Location location = catalog.find(request.zone())
        .orElseThrow(() -> new IllegalArgumentException("unknown location '" + request.zone() + "'"));
    Instant now = clock.instant();
    if (!request.deadline().isAfter(now)) {
      throw new IllegalArgumentException("the deadline " + request.deadline() + " is in the past");
    }
    Plan plan;
    try {
      Forecast forecast = location.forecast().forecast(now, request.deadline());
      plan = new BestWindow(Slots.from(forecast.points())).contiguous(now, request.deadline(), request.durationEstimate());
    } catch (IntensityUnavailableException e) {
      throw new IllegalArgumentException("no forecast for " + request.zone() + " up to " + request.deadline() + ": "
          + e.getMessage());
    }
    Job job = queue.submit(new io.lowcarb.schedule.queue.JobRequest(request.name(), request.command(), directory,
        location.name(), location.intensity().source(), request.durationEstimate(), now, request.deadline(),
        request.interruptible(),
        new PlannedWindow(plan.start(), plan.end(), plan.avgIntensity(), plan.runNowAvgIntensity())));
    return view(job);
  }

  @Override
  public boolean cancel(String id) {
    long number;
    try {
      number = Long.parseLong(id);
    } catch (NumberFormatException e) {
      return false;
    }
    if (queue.get(number).isEmpty()) {
      return false;
    }
    queue.cancel(number); // IllegalStateException when it runs or has ended: answered 409
    return true;
  }

  private static JobView view(Job job) {
    var r = job.request();
    return new JobView(Long.toString(job.id()), r.name(), r.command(), r.zone(), r.estimate(), r.deadline(),
        r.interruptible(), job.state().name(), job.state() == JobState.CANCELLED ? null : r.window().start());
  }
}
