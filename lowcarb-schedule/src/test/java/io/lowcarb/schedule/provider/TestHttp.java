package io.lowcarb.schedule.provider;

import io.lowcarb.energy.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A clock the test sets, a sleeper that only records its waits, and settings built on both. */
final class TestHttp {
  /** "Now" in the provider tests. */
  static final Instant NOW = Instant.parse("2024-05-21T10:20:00Z");

  /** A wall clock the test moves by hand. */
  static final class ManualClock implements Clock {
    private volatile Instant now;

    ManualClock(Instant now) {
      this.now = now;
    }

    void set(Instant time) {
      now = time;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant wallTime() {
      return now;
    }

    @Override
    public long monotonicNanos() {
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
  }

  final ManualClock clock = new ManualClock(NOW);
  final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  final Sleeper sleeper = waits::add;
  final Path cacheDir;

  TestHttp(Path cacheDir) {
    this.cacheDir = cacheDir;
  }

  /** Fast settings: 3 attempts, 1 s first backoff (never really slept), a cache in {@link #cacheDir}. */
  HttpSettings.Builder settings() {
    return HttpSettings.builder()
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(5))
        .maxAttempts(3)
        .firstBackoff(Duration.ofSeconds(1))
        .maxWait(Duration.ofSeconds(30))
        .cacheDir(cacheDir)
        .clock(clock)
        .sleeper(sleeper);
  }
}
