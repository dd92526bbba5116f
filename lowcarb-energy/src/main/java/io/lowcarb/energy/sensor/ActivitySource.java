package io.lowcarb.energy.sensor;

import java.time.Instant;

/** Supplies the activity of each sampling interval; the first call starts counting. */
public interface ActivitySource {

  /**
   * The activity since the previous call.
   *
   * @param start when the interval started (wall time)
   * @param seconds the interval's length, in seconds
   */
  Activity next(Instant start, double seconds);
}
