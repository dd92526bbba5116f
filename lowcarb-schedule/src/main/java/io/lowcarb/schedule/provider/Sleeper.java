package io.lowcarb.schedule.provider;

import java.time.Duration;

/** Waiting between retries, behind a seam so that tests record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  /** Waits for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** Really sleeps. */
  Sleeper SYSTEM = Thread::sleep;
}
