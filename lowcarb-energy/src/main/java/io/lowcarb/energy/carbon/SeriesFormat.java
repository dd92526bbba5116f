package io.lowcarb.energy.carbon;

import io.lowcarb.energy.text.CsvRecords;
import java.nio.file.Path;
import java.util.List;

/** Reads the rows of a series file in whichever format its content shows: CSV ({@link CsvSeries}) or JSON ({@link JsonSeries}). */
final class SeriesFormat {
  private SeriesFormat() {}

  /**
   * What a file holds, before sorting.
   *
   * @param rows its values in file order
   * @param zone the zone it names, or empty
   * @param source the format and file, for provenance
   * @param notes what the reader noted (forecasts standing in for actual values, say)
   */
  record Parsed(List<SeriesRow> rows, String zone, String source, List<String> notes) {}

  /**
   * @param text the file's text, without a byte order mark
   * @throws SeriesFormatException naming the file and line of the first problem
   */
  static Parsed read(Path file, String text, SeriesFiles.Options options) throws SeriesFormatException {
    String start = text.stripLeading();
    if (start.startsWith("{") || start.startsWith("[")) {
      return new JsonSeries(file, options.timeZone()).read(text);
    }
    List<CsvRecords.Record> records;
    try {
      records = CsvRecords.parse(text);
    } catch (CsvRecords.UnclosedQuoteException e) {
      throw new SeriesFormatException(file, e.line(), e.getMessage());
    }
    if (records.isEmpty()) {
      throw new SeriesFormatException(file, 0, "the file is empty");
    }
    CsvSeries format = CsvSeries.recognise(file, records.getFirst().fields(), options);
    if (records.size() == 1) {
      throw new SeriesFormatException(file, records.getFirst().line(), "a header and no rows: no intensity values");
    }
    return format.rows(file, records, options);
  }
}
