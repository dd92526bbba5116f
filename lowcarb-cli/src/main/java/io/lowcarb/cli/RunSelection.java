package io.lowcarb.cli;

import io.lowcarb.track.RunFilter;
import io.lowcarb.track.RunKind;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which runs a command lists or exports: {@code --kind}, {@code --since}, {@code --name}, {@code --last}. */
final class RunSelection {
  @Option(names = "--kind", paramLabel = "KIND", description = "Only runs of this kind: measure, train, compress, infer, fl, scheduled, pipeline, imported.")
  String kind;

  @Option(names = "--since", paramLabel = "TIME", description = "Only runs started since: an ISO date or instant, or a duration back such as 7d or 12h.")
  String since;

  @Option(names = "--name", paramLabel = "TEXT", description = "Only runs whose name contains TEXT.")
  String name;

  @Option(names = "--last", paramLabel = "N", defaultValue = "50", description = "At most N runs, newest first (default 50).")
  int last;

  RunFilter filter() {
    if (last <= 0) {
      throw new UsageException("--last must be positive, got " + last);
    }
    Optional<RunKind> k;
    try {
      k = kind == null ? Optional.empty() : Optional.of(RunKind.of(kind));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return new RunFilter(k, Optional.ofNullable(since).map(RunSelection::instant), Optional.ofNullable(name), last);
  }

  private static Instant instant(String text) {
    String t = text.trim();
    try {
      if (t.matches("\\d+d")) {
        return Instant.now().minus(java.time.Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1))));
      }
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return java.time.LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      }
      if (t.matches("[0-9.]+(ms|s|m|h)")) {
        return Instant.now().minus(new Durations().convert(t));
      }
      return new Times().convert(t);
    } catch (RuntimeException e) {
      throw new UsageException("--since must be a date (2026-11-01), an instant with an offset or a duration back"
          + " such as 7d or 12h, got '" + text + "'");
    }
  }
}
