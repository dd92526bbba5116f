package io.lowcarb.energy;

import java.time.Instant;

/**
 * Time as the meter sees it: wall time for timestamps, monotonic time for durations. Tests pass
 * their own clock and step it instead of sleeping.
 */
public interface Clock {

  /** Wall-clock time, for timestamps and for looking up the carbon intensity at a moment. */
  Instant wallTime();

  /** Monotonic time in nanoseconds, for durations; its origin is arbitrary. */
  long monotonicNanos();

  /** The system clock. */
  Clock SYSTEM =
      new Clock() {
        @Override
        public Instant wallTime() {
          return Instant.now();
        }

        @Override
        public long monotonicNanos() {
          return System.nanoTime();
        }
      };
}
