package io.lowcarb.report.ui;

import io.lowcarb.track.RunFilter;
import io.lowcarb.track.RunKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The runs list's filters, as typed in its form.
 *
 * @param kind a run kind's label, or empty for all
 * @param name text the name contains, or empty
 * @param since a date ({@code 2026-11-25}, from its start in UTC) or an instant, or empty
 */
record RunsQuery(String kind, String name, String since) {
  /** Runs listed at most. */
  static final int LIMIT = 500;

  RunsQuery {
    kind = kind == null ? "" : kind.trim();
    name = name == null ? "" : name.trim();
    since = since == null ? "" : since.trim();
  }

  /**
   * The store filter.
   *
   * @throws IllegalArgumentException for an unknown kind or a date that is not one
   */
  RunFilter filter() {
    Optional<RunKind> k = kind.isEmpty() ? Optional.empty() : Optional.of(RunKind.of(kind));
    Optional<String> n = name.isEmpty() ? Optional.empty() : Optional.of(name);
    return new RunFilter(k, sinceInstant(), n, LIMIT);
  }

  private Optional<Instant> sinceInstant() {
    if (since.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(since.length() == 10
          ? LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(since));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("since: '" + since + "' is neither a date (2026-11-25) nor an instant (2026-11-25T10:00:00Z)", e);
    }
  }
}
