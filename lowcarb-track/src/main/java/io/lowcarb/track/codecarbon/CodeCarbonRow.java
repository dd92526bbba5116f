package io.lowcarb.track.codecarbon;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One data row of an emissions.csv, read by column name: a column the file lacks reads as blank,
 * and a blank cell is a value missing, never 0.
 */
final class CodeCarbonRow {
  /** A decimal number as Python writes a float: 42, 0.5, 1.2e-05. */
  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private final int line;
  private final Map<String, Integer> columns;
  private final List<String> fields;

  /**
   * @param line the line the row starts on
   * @param columns each column's index, by its lower-case name
   * @param fields the row's fields, as many as the header's
   */
  CodeCarbonRow(int line, Map<String, Integer> columns, List<String> fields) {
    this.line = line;
    this.columns = columns;
    this.fields = fields;
  }

  int line() {
    return line;
  }

  /** The cell of {@code column}, stripped; empty when blank or when the file has no such column. */
  String text(String column) {
    Integer i = columns.get(column);
    return i == null ? "" : fields.get(i).strip();
  }

  /**
   * A quantity (seconds, kg, kWh, a PUE): empty when blank, or {@code nan}, as Python writes a
   * missing float.
   *
   * @throws RowProblem when the cell holds something else than a finite number at least 0
   */
  OptionalDouble amount(String column) throws RowProblem {
    String t = text(column);
    if (t.isEmpty() || t.equalsIgnoreCase("nan")) {
      return OptionalDouble.empty();
    }
    if (!NUMBER.matcher(t).matches()) { // Java would also read 12f, 0x1p3 and Infinity
      throw new RowProblem(column + " is not a number: '" + t + "'");
    }
    double v = Double.parseDouble(t);
    if (!Double.isFinite(v)) {
      throw new RowProblem(column + " is not a finite number: '" + t + "'");
    }
    if (v < 0) {
      throw new RowProblem(column + " is negative: " + t);
    }
    return OptionalDouble.of(v);
  }

  /** A figure that only describes the machine (a CPU count, a memory size): empty unless a number at least 0. */
  OptionalDouble description(String column) {
    try {
      return amount(column);
    } catch (RowProblem notANumber) {
      return OptionalDouble.empty();
    }
  }

  /**
   * The instant of {@code column}: an ISO date and time with an offset, or CodeCarbon's local time
   * without one ({@code 2024-05-27T11:31:35}, a space also accepted for the T), read in {@code zone}.
   *
   * @throws RowProblem when blank or not a date and time
   */
  Instant time(String column, ZoneId zone) throws RowProblem {
    String raw = text(column);
    if (raw.isEmpty()) {
      throw new RowProblem("no " + column);
    }
    String t = raw.replace(' ', 'T');
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(t).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw new RowProblem(column + " is not a date and time: '" + raw + "'");
      }
    }
  }

  /**
   * The row's content without {@code left}: each non-blank cell as {@code column=value}, by column
   * name, so that the same row has the same content in a file whose columns are in another order
   * or that has more of them, blank.
   */
  byte[] content(String left) {
    Map<String, String> cells = new TreeMap<>();
    columns.forEach((name, i) -> {
      String v = fields.get(i).strip();
      if (!name.equals(left) && !name.isEmpty() && !v.isEmpty()) {
        cells.put(name, v);
      }
    });
    StringBuilder s = new StringBuilder();
    cells.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }
}
