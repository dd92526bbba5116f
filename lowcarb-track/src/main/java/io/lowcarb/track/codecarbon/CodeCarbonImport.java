package io.lowcarb.track.codecarbon;

import io.lowcarb.track.ImportedRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads CodeCarbon's {@code emissions.csv}, whichever of its versions wrote it: 1.x had only the
 * totals and the location, 2.x added the power and energy of each component, the machine and the
 * PUE (and later the experiment), 3.x water and utilisation; the offline tracker writes the same
 * columns with the location it was given and no coordinates, and the task files start with
 * {@code task_name}. Columns are found by name, so their order and any extra ones do not matter;
 * a file needs {@code timestamp} and {@code duration} or {@code energy_consumed}.
 *
 * <p>A blank cell is a value missing, never 0. A row is imported when it has a timestamp and a
 * duration or an energy; any other row is skipped and named by its line. A row whose
 * {@code run_id} is blank (1.x files have none) is given a UUID made from its content, so that it
 * gets the same one each time it is read. CodeCarbon appends a row each time it flushes, each with
 * the run's totals so far: of the rows of one run, the latest is kept.
 */
public final class CodeCarbonImport {
  /** The parameter in which runs imported before lowcarb stored import keys kept theirs, {@code RUN_ID@TIMESTAMP}. */
  public static final String EARLIER_KEY = "import_key";

  private CodeCarbonImport() {}

  /**
   * The runs of {@code file}, its timestamps read in {@code zone}.
   *
   * @throws CodeCarbonFormatException when it is not a CodeCarbon file (empty, binary, without
   *     the columns needed, without rows); the message is one line and names the file
   */
  public static CodeCarbonFile read(Path file, ZoneId zone) throws IOException, CodeCarbonFormatException {
    return read(Files.readAllBytes(file), file.toString(), zone);
  }

  /** The runs of a file's {@code content}; {@code name} names it in messages and in each run's parameters. */
  public static CodeCarbonFile read(byte[] content, String name, ZoneId zone) throws CodeCarbonFormatException {
    List<CsvRecords.Record> records =
        CsvRecords.split(FileText.decode(content, name)).stream().filter(r -> !r.blank()).toList();
    if (records.isEmpty()) {
      throw new CodeCarbonFormatException(name + " is empty: not a CodeCarbon emissions.csv");
    }
    Map<String, Integer> columns = columns(records.getFirst(), name);
    if (records.size() == 1) {
      throw new CodeCarbonFormatException(name + " has a header but no rows: nothing to import");
    }
    int width = records.getFirst().fields().size();
    Map<String, ImportedRun> runs = new LinkedHashMap<>();
    List<SkippedRow> skipped = new ArrayList<>();
    int earlier = 0;
    for (CsvRecords.Record r : records.subList(1, records.size())) {
      if (r.unclosedQuote()) {
        skipped.add(new SkippedRow(r.line(), "a quote opened here is never closed"
            + (r.lastLine() > r.line() ? ": lines " + r.line() + " to " + r.lastLine() + " are lost" : "")));
        continue;
      }
      if (r.fields().size() != width) {
        skipped.add(new SkippedRow(r.line(), r.fields().size() + " fields where the header has " + width));
        continue;
      }
      ImportedRun run;
      try {
        run = CodeCarbonRun.of(new CodeCarbonRow(r.line(), columns, r.fields()), zone, name);
      } catch (RowProblem p) {
        skipped.add(new SkippedRow(r.line(), p.getMessage()));
        continue;
      }
      ImportedRun before = runs.get(run.key());
      if (before != null) {
        earlier++;
        if (before.end().end().isAfter(run.end().end())) {
          continue;
        }
      }
      runs.put(run.key(), run);
    }
    return new CodeCarbonFile(name, new ArrayList<>(runs.values()), skipped, earlier);
  }

  /** Each column's index by its lower-case name; the file refused without the columns a run needs. */
  private static Map<String, Integer> columns(CsvRecords.Record header, String name) throws CodeCarbonFormatException {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String c = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
      if (!c.isEmpty() && columns.putIfAbsent(c, i) != null) {
        throw new CodeCarbonFormatException(name + " line " + header.line() + ": column " + c + " appears twice");
      }
    }
    boolean time = columns.containsKey("timestamp");
    boolean amount = columns.containsKey("duration") || columns.containsKey("energy_consumed");
    if (!time || !amount) {
      throw new CodeCarbonFormatException(name + " is not a CodeCarbon emissions.csv: no "
          + (!time && !amount ? "timestamp, duration or energy_consumed" : !time ? "timestamp" : "duration or energy_consumed")
          + " column");
    }
    return columns;
  }

  /**
   * The key that a run imported before lowcarb stored import keys would have now, from its
   * parameters: {@code codecarbon:RUN_ID} for those that had a run id.
   */
  public static Optional<String> keyOfEarlierImport(Map<String, String> parameters) {
    String old = parameters.getOrDefault(EARLIER_KEY, "");
    int at = old.lastIndexOf('@');
    return at > 0 ? Optional.of(CodeCarbonRun.KEY_PREFIX + old.substring(0, at)) : Optional.empty();
  }
}
