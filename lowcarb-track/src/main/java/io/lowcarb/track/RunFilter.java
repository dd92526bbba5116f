package io.lowcarb.track;

import java.time.Instant;
import java.util.Optional;

/**
 * Which runs to list, newest first.
 *
 * @param kind only runs of this kind
 * @param since only runs started at or after this instant
 * @param nameContains only runs whose name contains this text (any case)
 * @param limit at most this many (> 0)
 */
public record RunFilter(Optional<RunKind> kind, Optional<Instant> since, Optional<String> nameContains, int limit) {
  public RunFilter {
    if (limit <= 0) {
      throw new IllegalArgumentException("a run list limit must be positive, not " + limit);
    }
  }

  /** Every run, newest first, up to {@code limit}. */
  public static RunFilter latest(int limit) {
    return new RunFilter(Optional.empty(), Optional.empty(), Optional.empty(), limit);
  }
}
