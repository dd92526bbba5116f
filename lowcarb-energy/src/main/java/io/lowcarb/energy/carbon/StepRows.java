package io.lowcarb.energy.carbon;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns the rows of a series file into periods under step semantics: a value holds from its time
 * until the next row's, as Electricity Maps, WattTime and National Grid define their figures.
 *
 * <p>Rows are sorted by time (a stable sort, noted once when it moved any); of several rows with
 * one time the last in the file wins (noted once, with the count). A real gap is a spacing
 * between two rows longer than twice the local step, the shorter of the spacings just before and
 * just after it: there the value holds one local step and the rest is left uncovered. A shorter
 * hole (one missing row of a regular series) is held over. The last row holds one local step (the
 * spacing before it). A row whose file gives its period's end keeps that length instead of the
 * local step.
 */
final class StepRows {
  private StepRows() {}

  /**
   * The periods, and what was done to the rows on the way.
   *
   * @param points in strictly increasing time order, not overlapping
   * @param notes at most one line each about sorting and duplicates, empty when neither happened
   */
  record Result(List<IntensityPoint> points, List<String> notes) {}

  /**
   * @param rows at least one, in file order
   * @throws SeriesFormatException when one row alone gives no way to know how long its value holds
   */
  static Result points(Path file, List<SeriesRow> rows, String source, Instant readAt) throws SeriesFormatException {
    List<String> notes = new ArrayList<>();
    int unsorted = 0;
    for (int i = 1; i < rows.size(); i++) {
      if (rows.get(i).time().isBefore(rows.get(i - 1).time())) {
        unsorted++;
      }
    }
    List<SeriesRow> sorted = rows;
    if (unsorted > 0) {
      sorted = new ArrayList<>(rows);
      sorted.sort(Comparator.comparing(SeriesRow::time)); // stable: file order among equal times
      notes.add(count(unsorted, "row was", "rows were") + " out of time order; the series is sorted by time");
    }
    List<SeriesRow> unique = new ArrayList<>(sorted.size());
    int duplicates = 0;
    for (SeriesRow r : sorted) {
      if (!unique.isEmpty() && unique.getLast().time().equals(r.time())) {
        unique.set(unique.size() - 1, r);
        duplicates++;
      } else {
        unique.add(r);
      }
    }
    if (duplicates > 0) {
      notes.add(count(duplicates, "row repeats", "rows repeat") + " the time of another; the last row of each time is used");
    }
    int n = unique.size();
    if (n == 1 && unique.getFirst().length() == null) {
      throw new SeriesFormatException(file, unique.getFirst().line(),
          "only one value: a series needs at least two times to know how long each value holds");
    }
    List<IntensityPoint> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      SeriesRow r = unique.get(i);
      Duration nominal = r.length() != null ? r.length() : localStep(unique, i);
      Duration length = nominal;
      if (i + 1 < n) {
        Duration spacing = Duration.between(r.time(), unique.get(i + 1).time());
        if (spacing.compareTo(nominal.multipliedBy(2)) <= 0) {
          length = spacing; // held over a short hole, or cut where the next period starts early
        }
      }
      points.add(new IntensityPoint(r.time(), length, r.gPerKwh(), r.kind(), source, readAt));
    }
    return new Result(points, notes);
  }

  /** The shorter of the spacings before row {@code i} and after row {@code i + 1}; the only spacing where there is one. */
  static Duration localStep(List<SeriesRow> rows, int i) {
    Duration step = null;
    if (i >= 1) {
      step = spacing(rows, i - 1);
    }
    if (i + 2 < rows.size()) {
      Duration after = spacing(rows, i + 1);
      step = step == null || after.compareTo(step) < 0 ? after : step;
    }
    return step != null ? step : spacing(rows, i);
  }

  private static Duration spacing(List<SeriesRow> rows, int i) {
    return Duration.between(rows.get(i).time(), rows.get(i + 1).time());
  }

  private static String count(int n, String one, String many) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
  }
}
