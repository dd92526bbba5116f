package io.lowcarb.schedule.provider;

import java.time.Instant;

/**
 * A response body and when it was fetched.
 *
 * @param body the response body, as the provider sent it
 * @param fetchedAt when lowcarb fetched it from the provider (for a cached body: the original fetch)
 * @param stale whether the provider was down and this is an older cached answer
 */
public record Fetched(String body, Instant fetchedAt, boolean stale) {

  /**
   * The source string for values read from this body: {@code source} itself, or for a stale body
   * {@code "Electricity Maps v3 (stale: fetched 2026-01-02T03:04:05Z)"}.
   */
  public String label(String source) {
    return stale ? source + " (stale: fetched " + fetchedAt + ")" : source;
  }

  Fetched asStale() {
    return new Fetched(body, fetchedAt, true);
  }
}
