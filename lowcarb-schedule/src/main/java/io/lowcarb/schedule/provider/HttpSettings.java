package io.lowcarb.schedule.provider;

import io.lowcarb.energy.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * How the providers talk HTTP: timeouts, retries and the response cache. Build with {@link
 * #builder()}; every setting has a default.
 *
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for a whole response
 * @param maxAttempts how many times to send a request that times out, fails to connect, or gets 429
 *     or 5xx (at least 1)
 * @param firstBackoff the wait after the first failure; it doubles after each further one
 * @param maxWait the longest wait between attempts; a {@code Retry-After} longer than this ends the
 *     retries
 * @param cacheDir where responses are cached, or {@code null} for no cache
 * @param cacheTtl how long a cached response for recent or future times is used without asking
 * @param pastTtl how long a cached response about times more than a day ago is used without asking
 * @param clock wall time, for the cache's ages and the split between past and future
 * @param sleeper waits between attempts
 */
public record HttpSettings(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration firstBackoff,
    Duration maxWait,
    Path cacheDir,
    Duration cacheTtl,
    Duration pastTtl,
    Clock clock,
    Sleeper sleeper) {

  public HttpSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(cacheTtl, "cacheTtl");
    Objects.requireNonNull(pastTtl, "pastTtl");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (!connectTimeout.isPositive() || !requestTimeout.isPositive()) {
      throw new IllegalArgumentException("HTTP timeouts must be positive");
    }
  }

  /** The default cache folder: {@code $LOWCARB_CACHE/intensity}, else {@code ~/.cache/lowcarb/intensity}. */
  public static Path defaultCacheDir(Map<String, String> env) {
    String base = env.get("LOWCARB_CACHE");
    Path root = base != null && !base.isBlank()
        ? Path.of(base)
        : Path.of(System.getProperty("user.home"), ".cache", "lowcarb");
    return root.resolve("intensity");
  }

  /** Settings with the defaults, the cache in {@link #defaultCacheDir} for this process's environment. */
  public static Builder builder() {
    return new Builder();
  }

  /** How long a response about times up to {@code end} may be used from the cache without asking again. */
  Duration freshFor(Instant end) {
    return end.isBefore(clock.wallTime().minus(Duration.ofDays(1))) ? pastTtl : cacheTtl;
  }

  /** Builds {@link HttpSettings}. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int maxAttempts = 4;
    private Duration firstBackoff = Duration.ofSeconds(1);
    private Duration maxWait = Duration.ofSeconds(60);
    private Path cacheDir = defaultCacheDir(System.getenv());
    private Duration cacheTtl = Duration.ofMinutes(10);
    private Duration pastTtl = Duration.ofDays(1);
    private Clock clock = Clock.SYSTEM;
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder() {}

    /** Default 10 s. */
    public Builder connectTimeout(Duration value) {
      connectTimeout = value;
      return this;
    }

    /** Default 30 s. */
    public Builder requestTimeout(Duration value) {
      requestTimeout = value;
      return this;
    }

    /** Default 4. */
    public Builder maxAttempts(int value) {
      maxAttempts = value;
      return this;
    }

    /** Default 1 s, doubling after each failure. */
    public Builder firstBackoff(Duration value) {
      firstBackoff = value;
      return this;
    }

    /** Default 60 s. */
    public Builder maxWait(Duration value) {
      maxWait = value;
      return this;
    }

    /** Default {@link #defaultCacheDir} of the process environment. */
    public Builder cacheDir(Path value) {
      cacheDir = Objects.requireNonNull(value, "cacheDir");
      return this;
    }

    /** No cache: every call asks the provider, and nothing stands in while it is down. */
    public Builder noCache() {
      cacheDir = null;
      return this;
    }

    /** Default 10 minutes. */
    public Builder cacheTtl(Duration value) {
      cacheTtl = value;
      return this;
    }

    /** Default 1 day. */
    public Builder pastTtl(Duration value) {
      pastTtl = value;
      return this;
    }

    /** Default {@link Clock#SYSTEM}. */
    public Builder clock(Clock value) {
      clock = value;
      return this;
    }

    /** Default {@link Sleeper#SYSTEM}. */
    public Builder sleeper(Sleeper value) {
      sleeper = value;
      return this;
    }

    /** The settings; {@link HttpSettings}'s constructor checks them. */
    public HttpSettings build() {
      return new HttpSettings(
          connectTimeout, requestTimeout, maxAttempts, firstBackoff, maxWait, cacheDir, cacheTtl, pastTtl, clock, sleeper);
    }
  }
}
