package io.lowcarb.energy.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records as spreadsheets and exporters write it (RFC 4180): fields separated
 * by commas, double quotes around a field that holds commas, quotes or line breaks ({@code ""}
 * inside quotes is one quote), lines ending in LF, CRLF or CR. Blank lines are skipped.
 */
public final class CsvRecords {
  private CsvRecords() {}

  /**
   * One record.
   *
   * @param line the line it starts on, counting from 1
   * @param fields its fields, unquoted
   */
  public record Record(int line, List<String> fields) {
    public Record {
      fields = List.copyOf(fields);
    }
  }

  /** A quoted field that the text never closes. */
  public static final class UnclosedQuoteException extends IllegalArgumentException {
    private final int line;

    UnclosedQuoteException(int line) {
      super("a quoted field that starts on line " + line + " is never closed");
      this.line = line;
    }

    /** The line the quoted field starts on. */
    public int line() {
      return line;
    }
  }

  /**
   * The records of {@code text}, which should no longer start with a byte order mark.
   *
   * @throws UnclosedQuoteException when a quoted field runs to the end of the text
   */
  public static List<Record> parse(CharSequence text) {
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    int quoteLine = 0;
    boolean quoted = false;
    boolean any = false; // whether the record has anything but an empty first field
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        quoteLine = line;
        any = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        end(records, fields, field, recordLine, any);
        any = false;
        line++;
        recordLine = line;
      } else {
        field.append(c);
        if (!Character.isWhitespace(c)) {
          any = true;
        }
      }
    }
    if (quoted) {
      throw new UnclosedQuoteException(quoteLine);
    }
    end(records, fields, field, recordLine, any);
    return records;
  }

  private static void end(List<Record> records, List<String> fields, StringBuilder field, int line, boolean any) {
    fields.add(field.toString());
    field.setLength(0);
    if (any) {
      records.add(new Record(line, fields));
    }
    fields.clear();
  }
}
