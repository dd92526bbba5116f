package io.lowcarb.track.codecarbon;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSV text split into records, as Python's {@code csv} module and pandas write them: commas
 * between fields, double quotes around a field that holds a comma, a quote or a line end (a quote
 * inside doubled), and records ended by LF, CRLF or CR. Each record keeps the line it starts on,
 * so that a problem is named by the line a person sees in an editor.
 */
final class CsvRecords {
  /**
   * One record.
   *
   * @param line the line it starts on, from 1
   * @param lastLine the line it ends on: more than {@code line} when a quoted field holds line ends
   * @param fields its fields, unquoted
   * @param unclosedQuote whether a quote opened in it is never closed: it then runs to the end of the text
   */
  record Record(int line, int lastLine, List<String> fields, boolean unclosedQuote) {
    Record {
      fields = List.copyOf(fields);
    }

    /** An empty line, or one of commas only: nothing in it. */
    boolean blank() {
      return !unclosedQuote && fields.stream().allMatch(String::isBlank);
    }
  }

  private CsvRecords() {}

  /** The records of {@code text}, blank lines included (the caller decides what they mean). */
  static List<Record> split(String text) {
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int startLine = 1;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean lineEnd = c == '\n' || (c == '\r' && (i + 1 == n || text.charAt(i + 1) != '\n'));
      if (quoted) {
        if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && !lineEnd) {
        // the CR of a CRLF: the LF ends the record
      } else if (lineEnd) {
        fields.add(field.toString());
        field.setLength(0);
        records.add(new Record(startLine, line, fields, false));
        fields.clear();
        startLine = line + 1;
      } else {
        field.append(c);
      }
      if (lineEnd) {
        line++;
      }
    }
    if (quoted || !fields.isEmpty() || !field.isEmpty()) {
      fields.add(field.toString());
      records.add(new Record(startLine, Math.max(startLine, line - (text.endsWith("\n") || text.endsWith("\r") ? 1 : 0)),
          fields, quoted));
    }
    return records;
  }
}
