package io.lowcarb.cli;

import io.lowcarb.schedule.window.Segment;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The gaps of a series inside a planning horizon, reported once: how many, how long in all, and
 * the largest.
 *
 * @param gaps in time order, at least one
 */
record GapSummary(List<Segment> gaps) {
  /** How many gaps the JSON lists one by one; it counts the rest. */
  static final int LISTED = 20;

  GapSummary {
    gaps = List.copyOf(gaps);
  }

  /** The summary of {@code gaps}; empty when there are none. */
  static Optional<GapSummary> of(List<Segment> gaps) {
    return gaps.isEmpty() ? Optional.empty() : Optional.of(new GapSummary(gaps));
  }

  /** Their length in all. */
  Duration total() {
    return gaps.stream().map(Segment::duration).reduce(Duration.ZERO, Duration::plus);
  }

  /** The longest, the earliest of equals. */
  Segment largest() {
    return gaps.stream().max(Comparator.comparing(Segment::duration).thenComparing(Segment::start, Comparator.reverseOrder()))
        .orElseThrow();
  }

  /** One line: {@code 3 gaps in the series, 14h in all, largest 6h from ... to ...; no job is planned into a gap}. */
  String text() {
    Segment big = largest();
    String where = " from " + big.start() + " to " + big.end();
    String what = gaps.size() == 1
        ? "1 gap in the series, " + Durations.text(big.duration()) + where
        : gaps.size() + " gaps in the series, " + Durations.text(total()) + " in all, largest "
            + Durations.text(big.duration()) + where;
    return what + "; no job is planned into a gap";
  }
}
