package io.lowcarb.schedule.queue;

import java.time.Instant;
import java.util.Objects;

/**
 * When a job is planned to run, and the carbon intensity that plan expects.
 *
 * @param start the planned start
 * @param end the planned end (start plus the duration estimate)
 * @param plannedGPerKwh the average intensity expected over the window, in gCO2e/kWh
 * @param runNowGPerKwh the average intensity expected had the job started at submission, in
 *     gCO2e/kWh: the baseline the saving is counted against
 */
public record PlannedWindow(Instant start, Instant end, double plannedGPerKwh, double runNowGPerKwh) {

  public PlannedWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("the planned window ends (" + end + ") before it starts (" + start + ")");
    }
    requireIntensity("planned", plannedGPerKwh);
    requireIntensity("run-now", runNowGPerKwh);
  }

  private static void requireIntensity(String what, double gPerKwh) {
    if (!(gPerKwh >= 0) || Double.isInfinite(gPerKwh)) {
      throw new IllegalArgumentException(
          "the " + what + " intensity must be finite and >= 0 gCO2e/kWh, got " + gPerKwh);
    }
  }
}
