package io.lowcarb.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A made-up year of Great Britain's intensity as it really arrives: half-hourly until July, then
 * quarter-hourly (as National Grid's data switched in 2020), in an Electricity Maps export with a
 * byte order mark, CRLF line ends and quoted fields (one with a comma), a few rows out of order,
 * a few repeated with a correction later in the file, single missing rows (held over), and three
 * real gaps of 6, 5 and 3 hours.
 */
final class UglyGbTrace {
  static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
  static final Instant SWITCH = Instant.parse("2020-07-01T00:00:00Z");
  static final Instant END = Instant.parse("2021-01-01T00:00:00Z");
  /** The three gaps, [start, end): no rows in them. */
  static final List<Instant[]> GAPS = List.of(
      new Instant[] {Instant.parse("2020-03-10T06:00:00Z"), Instant.parse("2020-03-10T12:00:00Z")},
      new Instant[] {Instant.parse("2020-08-05T10:00:00Z"), Instant.parse("2020-08-05T15:00:00Z")},
      new Instant[] {Instant.parse("2020-11-20T00:00:00Z"), Instant.parse("2020-11-20T03:00:00Z")});
  /** Rows left out one at a time: shorter than twice the step, so the value before holds. */
  static final List<Instant> MISSING = List.of(Instant.parse("2020-02-02T13:00:00Z"),
      Instant.parse("2020-09-09T09:15:00Z"));
  static final int SWAPS = 5;
  static final int REPEATS = 4;

  private static final String HEADER = "\"Datetime (UTC)\",\"Country\",\"Zone name\",\"Zone id\","
      + "\"Carbon intensity gCO₂eq/kWh (direct)\",\"Carbon intensity gCO₂eq/kWh (Life cycle)\",\"Data source\","
      + "\"Data estimated\",\"Data estimation method\"";

  /** A row of the trace: its time and life-cycle value. */
  record Row(Instant time, double value) {}

  private final List<Row> rows = new ArrayList<>();

  UglyGbTrace() {
    Random random = new Random(2020);
    for (Instant t = START; t.isBefore(END); t = t.plus(t.isBefore(SWITCH) ? Duration.ofMinutes(30) : Duration.ofMinutes(15))) {
      Instant at = t;
      if (GAPS.stream().anyMatch(g -> !at.isBefore(g[0]) && at.isBefore(g[1])) || MISSING.contains(at)) {
        continue;
      }
      double hours = Duration.between(START, t).toMinutes() / 60.0;
      double value = 220 + 70 * Math.sin(2 * Math.PI * (hours - 9) / 24) - 40 * Math.cos(2 * Math.PI * hours / 24 / 365)
          + 25 * random.nextGaussian();
      rows.add(new Row(t, Math.round(Math.max(5, value) * 100) / 100.0));
    }
    // Before the first gap the value is the lowest of the year: a planner that ran into the gap on it would look best.
    int before = indexOf(GAPS.getFirst()[0].minus(Duration.ofMinutes(30)));
    rows.set(before, new Row(rows.get(before).time(), 1));
  }

  /** The rows as they hold, sorted, each time once (the corrections applied). */
  List<Row> rows() {
    return rows;
  }

  private int indexOf(Instant t) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).time().equals(t)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no row at " + t);
  }

  /** The value that holds at {@code t} under step semantics (the last row at or before it). */
  double at(Instant t) {
    int lo = 0;
    int hi = rows.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (rows.get(mid).time().isAfter(t)) {
        hi = mid - 1;
      } else {
        lo = mid;
      }
    }
    return rows.get(lo).value();
  }

  /** Whether {@code [from, to)} overlaps one of the gaps. */
  static boolean overlapsGap(Instant from, Instant to) {
    return GAPS.stream().anyMatch(g -> from.isBefore(g[1]) && to.isAfter(g[0]));
  }

  /** Writes the export, ugly: BOM, CRLF, quotes, {@link #SWAPS} swapped pairs and {@link #REPEATS} corrected rows. */
  Path write(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Row r : rows) {
      lines.add(line(r.time(), r.value()));
    }
    List<String> out = new ArrayList<>(lines);
    Random random = new Random(7);
    for (int k = 0; k < REPEATS; k++) { // a wrong value first, the right one later in the file
      int i = 1000 + random.nextInt(lines.size() - 2000);
      out.set(i, line(rows.get(i).time(), 999));
      out.add(lines.get(i));
    }
    for (int k = 0; k < SWAPS; k++) {
      int i = 2000 * (k + 1);
      String a = out.get(i);
      out.set(i, out.get(i + 1));
      out.set(i + 1, a);
    }
    StringBuilder text = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
    out.forEach(l -> text.append(l).append("\r\n"));
    return Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String line(Instant t, double lca) {
    String time = t.toString().replace('T', ' ').replace("Z", "");
    if (time.length() == 16) {
      time += ":00";
    }
    return String.format(Locale.ROOT, "\"%s\",\"Great Britain, UK\",\"Great Britain\",\"GB\",%.2f,%.2f,\"\",false,",
        time, lca * 0.9, lca);
  }
}
