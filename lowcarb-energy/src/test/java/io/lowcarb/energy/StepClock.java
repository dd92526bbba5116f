package io.lowcarb.energy;

import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when the test says so. */
final class StepClock implements Clock {
  private final Instant origin;
  private long nanos;

  StepClock(Instant origin) {
    this.origin = origin;
  }

  synchronized void step(Duration d) {
    nanos += d.toNanos();
  }

  @Override
  public synchronized Instant wallTime() {
    return origin.plusNanos(nanos);
  }

  @Override
  public synchronized long monotonicNanos() {
    return nanos;
  }
}
