package io.lowcarb.energy.carbon;

import io.lowcarb.energy.text.SimpleCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads intensity time series from files: Electricity Maps' CSV export, and a plain {@code
 * time,g_per_kwh} CSV. The format is recognised from the header.
 */
public final class SeriesFiles {
  /** Electricity Maps' time column. */
  static final String EM_TIME = "Datetime (UTC)";

  static final String EM_ZONE = "Zone Id";
  static final String EM_DIRECT = "Carbon Intensity gCO₂eq/kWh (direct)";
  static final String EM_LCA = "Carbon Intensity gCO₂eq/kWh (LCA)";
  private static final DateTimeFormatter EM_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  /** Which of Electricity Maps' two figures to use. */
  public enum Basis {
    /** Emissions of combustion only. */
    DIRECT,
    /** Life-cycle emissions (plants built, fuel extracted). */
    LCA
  }

  private SeriesFiles() {}

  /**
   * Reads a series file.
   *
   * @param file an Electricity Maps export or a {@code time,g_per_kwh} CSV
   * @param basis for Electricity Maps files, direct or life-cycle
   * @throws SeriesFormatException when the file is not one of those formats or holds bad values
   * @throws IOException when it cannot be read
   */
  public static IntensitySeries read(Path file, Basis basis) throws IOException, SeriesFormatException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new SeriesFormatException(file, 0, "the file is empty");
    }
    List<String> header = SimpleCsv.split(stripBom(lines.getFirst())).stream().map(String::trim).toList();
    if (header.contains(EM_TIME)) {
      String column = basis == Basis.DIRECT ? EM_DIRECT : EM_LCA;
      return parse(file, lines, header, EM_TIME, column, header.indexOf(EM_ZONE), true,
          "Electricity Maps export " + file.getFileName() + " (" + basis.name().toLowerCase(Locale.ROOT) + ")");
    }
    if (header.size() >= 2 && header.get(0).equals("time") && header.get(1).equals("g_per_kwh")) {
      return parse(file, lines, header, "time", "g_per_kwh", -1, false, file.getFileName().toString());
    }
    throw new SeriesFormatException(file, 1,
        "unknown header: expected an Electricity Maps export ('" + EM_TIME + ",...') or 'time,g_per_kwh'");
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  private static IntensitySeries parse(
      Path file, List<String> lines, List<String> header, String timeColumn, String valueColumn,
      int zoneIndex, boolean electricityMaps, String source) throws SeriesFormatException {
    int timeIndex = header.indexOf(timeColumn);
    int valueIndex = header.indexOf(valueColumn);
    if (valueIndex < 0) {
      throw new SeriesFormatException(file, 1, "no column '" + valueColumn + "'");
    }
    List<Instant> rowTimes = new ArrayList<>(); // every row, with or without a value: sets the step
    List<Instant> times = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    String zone = "";
    for (int n = 1; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank()) {
        continue;
      }
      List<String> f = SimpleCsv.split(line);
      if (f.size() <= Math.max(timeIndex, valueIndex)) {
        throw new SeriesFormatException(file, n + 1, "expected " + header.size() + " columns, found " + f.size());
      }
      Instant time = parseTime(file, n + 1, f.get(timeIndex).trim(), electricityMaps);
      if (!rowTimes.isEmpty() && !time.isAfter(rowTimes.getLast())) {
        throw new SeriesFormatException(file, n + 1, "time " + time + " does not come after " + rowTimes.getLast());
      }
      rowTimes.add(time);
      String raw = f.get(valueIndex).trim();
      if (raw.isEmpty()) {
        continue; // a missing hour: left uncovered, never filled in silently
      }
      double value;
      try {
        value = Double.parseDouble(raw);
      } catch (NumberFormatException e) {
        throw new SeriesFormatException(file, n + 1, "'" + raw + "' is not a number");
      }
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new SeriesFormatException(file, n + 1, "intensity must be >= 0 gCO2e/kWh, got " + raw);
      }
      if (zoneIndex >= 0 && zone.isEmpty() && zoneIndex < f.size()) {
        zone = f.get(zoneIndex).trim();
      }
      times.add(time);
      values.add(value);
    }
    if (times.isEmpty()) {
      throw new SeriesFormatException(file, 0, "no intensity values");
    }
    Duration step = IntensitySeries.step(rowTimes);
    Instant fetched = Instant.now();
    List<IntensityPoint> points = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      points.add(new IntensityPoint(times.get(i), step, values.get(i), IntensityKind.SERIES, source, fetched));
    }
    return new IntensitySeries(zone, source, points);
  }

  private static Instant parseTime(Path file, int line, String text, boolean electricityMaps)
      throws SeriesFormatException {
    try {
      if (electricityMaps) {
        return LocalDateTime.parse(text, EM_FORMAT).toInstant(ZoneOffset.UTC);
      }
      if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(text).toInstant();
      }
      return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new SeriesFormatException(file, line, "'" + text + "' is not a time");
    }
  }
}
