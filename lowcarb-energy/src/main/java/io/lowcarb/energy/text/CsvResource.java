package io.lowcarb.energy.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a built-in CSV table: comment lines start with {@code #}, then a header, then rows. */
public final class CsvResource {
  private CsvResource() {}

  /**
   * The rows after the header of a class-path resource, split into fields.
   *
   * @param resource an absolute resource name, for example {@code /io/lowcarb/energy/zones.csv}
   * @param columns the fewest fields a row may have
   */
  public static List<List<String>> rows(String resource, int columns) {
    try (InputStream in = CsvResource.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<List<String>> rows = new ArrayList<>();
      boolean header = true;
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        List<String> fields = SimpleCsv.split(line);
        if (fields.size() < columns) {
          throw new IllegalStateException(resource + ": expected " + columns + " fields in: " + line);
        }
        rows.add(fields);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
