package io.lowcarb.schedule.window;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When to run a job, and what that saves against running it at once.
 *
 * @param segments the stretches in which the job runs, in time order (one for a contiguous job)
 * @param avgIntensity the time-weighted mean intensity over the segments, gCO2e/kWh
 * @param runNowAvgIntensity the mean intensity had the job run at once, without interruption, gCO2e/kWh
 * @param runNow how long the job runs at once (its duration)
 */
public record Plan(List<Segment> segments, double avgIntensity, double runNowAvgIntensity, Duration runNow) {

  public Plan {
    segments = List.copyOf(segments);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("a plan needs at least one segment");
    }
  }

  /** When the job starts. */
  public Instant start() {
    return segments.getFirst().start();
  }

  /** When the job ends. */
  public Instant end() {
    return segments.getLast().end();
  }

  /** The time the job runs, overheads of interruptions included. */
  public Duration running() {
    return segments.stream().map(Segment::duration).reduce(Duration.ZERO, Duration::plus);
  }

  /**
   * The emissions saved against running at once, in percent, at constant power: 1 - (mean x running
   * time) / (run-now mean x duration). Negative when the plan emits more (overheads included).
   */
  public double savingsPct() {
    double planned = avgIntensity * running().toMillis();
    double now = runNowAvgIntensity * runNow.toMillis();
    return now == 0 ? 0 : 100 * (1 - planned / now);
  }
}
