package io.lowcarb.fl.grpc.client;

import java.time.Duration;
import java.util.Random;

/** Waits between reconnection attempts: doubling from {@code first} up to {@code most}, with jitter. */
final class Backoff {
  private final Duration first;
  private final Duration most;
  private final Random random = new Random();
  private Duration next;

  Backoff(Duration first, Duration most) {
    this.first = first;
    this.most = most;
    this.next = first;
  }

  /** The next wait: the current step, give or take a fifth, so that clients do not come back in step. */
  Duration next() {
    Duration now = next;
    next = next.multipliedBy(2).compareTo(most) > 0 ? most : next.multipliedBy(2);
    long ms = now.toMillis();
    return Duration.ofMillis(ms - ms / 5 + (long) (random.nextDouble() * (2 * ms / 5 + 1)));
  }

  void reset() {
    next = first;
  }
}
