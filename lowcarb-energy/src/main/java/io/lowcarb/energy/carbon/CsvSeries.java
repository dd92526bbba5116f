package io.lowcarb.energy.carbon;

import io.lowcarb.energy.Units;
import io.lowcarb.energy.text.CsvRecords;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The columns of one CSV series format, recognised from its header (names compared without case
 * or surrounding spaces):
 *
 * <ul>
 *   <li>Electricity Maps exports (hourly, 5-minute, daily...): a {@code Datetime (UTC)} column,
 *       {@code Carbon Intensity gCO₂eq/kWh (direct)} and {@code ... (LCA)} or {@code ... (Life
 *       cycle)}, and {@code Zone Id}; other columns ({@code Data Estimated}...) are ignored;
 *   <li>WattTime marginal rates: {@code point_time} or {@code timestamp}, and {@code value} or
 *       {@code MOER}, in lbs CO2/MWh (an optional {@code units} column must say so), converted to
 *       gCO2/kWh and labelled {@link IntensityKind#MARGINAL};
 *   <li>lowcarb's plain {@code time,g_per_kwh}.
 * </ul>
 *
 * @param format the format's name, for the source
 * @param time the time column
 * @param value the value column
 * @param zone the zone column, or -1
 * @param units the units column, or -1
 * @param factor what turns a value into gCO2e/kWh
 * @param kind what the values stand for
 * @param timeZone the zone of times without an offset
 * @param width how many columns the header has
 */
record CsvSeries(
    String format, int time, int value, int zone, int units, double factor, IntensityKind kind, ZoneId timeZone,
    int width) {
  static final String EM_TIME = "datetime (utc)";
  private static final String WATTTIME_UNITS = "lbs_co2_per_mwh";

  /**
   * The format of a file whose first record is {@code header}.
   *
   * @throws SeriesFormatException when it is none of the formats, or lacks the column asked for
   */
  static CsvSeries recognise(Path file, List<String> header, SeriesFiles.Options options) throws SeriesFormatException {
    List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    int width = names.size();
    if (names.contains(EM_TIME)) {
      boolean direct = options.basis() == SeriesFiles.Basis.DIRECT;
      int value = find(names, h -> h.startsWith("carbon intensity")
          && (direct ? h.endsWith("(direct)") : h.endsWith("(lca)") || h.endsWith("(life cycle)")));
      if (value < 0) {
        throw new SeriesFormatException(file, 1, "no column '" + (direct ? "Carbon Intensity gCO₂eq/kWh (direct)"
            : "Carbon Intensity gCO₂eq/kWh (LCA)' or '... (Life cycle)") + "' in this Electricity Maps export");
      }
      return new CsvSeries("Electricity Maps export", names.indexOf(EM_TIME), value, names.indexOf("zone id"), -1, 1,
          IntensityKind.SERIES, ZoneOffset.UTC, width);
    }
    int wattTime = find(names, h -> h.equals("point_time") || h.equals("timestamp"));
    int moer = find(names, h -> h.equals("value") || h.equals("moer"));
    if (wattTime >= 0 && moer >= 0) {
      int zone = find(names, h -> h.equals("ba") || h.equals("region"));
      return new CsvSeries("WattTime marginal (co2_moer)", wattTime, moer, zone, find(names, h -> h.equals("units")),
          Units.G_PER_KWH_PER_LB_PER_MWH, IntensityKind.MARGINAL, options.timeZone(), width);
    }
    if (names.contains("time") && names.contains("g_per_kwh")) {
      return new CsvSeries("", names.indexOf("time"), names.indexOf("g_per_kwh"), -1, -1, 1, IntensityKind.SERIES,
          options.timeZone(), width);
    }
    throw new SeriesFormatException(file, 1, "unknown header: expected an Electricity Maps export ('Datetime (UTC),...'),"
        + " a WattTime MOER file ('point_time,value' or 'timestamp,MOER'), 'time,g_per_kwh', or UK Carbon Intensity"
        + " API JSON");
  }

  private static int find(List<String> names, Predicate<String> which) {
    for (int i = 0; i < names.size(); i++) {
      if (which.test(names.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The source of a file in this format. */
  String source(Path file, SeriesFiles.Options options) {
    String name = file.getFileName().toString();
    if (format.isEmpty()) {
      return name;
    }
    String basis = kind == IntensityKind.MARGINAL ? "" : " (" + options.basis().name().toLowerCase(Locale.ROOT) + ")";
    return format + " " + name + basis;
  }

  /** The rows of the records after the header; rows without a value are left out. */
  SeriesFormat.Parsed rows(Path file, List<CsvRecords.Record> records, SeriesFiles.Options options)
      throws SeriesFormatException {
    SeriesTimes times = new SeriesTimes(timeZone);
    List<SeriesRow> rows = new ArrayList<>(records.size());
    String zoneName = "";
    for (CsvRecords.Record r : records.subList(1, records.size())) {
      List<String> f = r.fields();
      if (f.size() <= Math.max(time, value)) {
        throw new SeriesFormatException(file, r.line(), "expected " + width + " columns, found " + f.size());
      }
      Instant at;
      try {
        at = times.parse(f.get(time));
      } catch (IllegalArgumentException e) {
        throw new SeriesFormatException(file, r.line(), e.getMessage());
      }
      String raw = f.get(value).strip();
      if (raw.isEmpty()) {
        continue; // no figure for this time: the value before holds, or it is a gap
      }
      if (units >= 0 && units < f.size() && !f.get(units).isBlank()
          && !f.get(units).strip().equalsIgnoreCase(WATTTIME_UNITS)) {
        throw new SeriesFormatException(file, r.line(), "units '" + f.get(units).strip() + "' where lowcarb expects "
            + WATTTIME_UNITS);
      }
      rows.add(new SeriesRow(at, SeriesRow.intensity(file, r.line(), raw, factor), kind, null, r.line()));
      if (zoneName.isEmpty() && zone >= 0 && zone < f.size()) {
        zoneName = f.get(zone).strip();
      }
    }
    return new SeriesFormat.Parsed(rows, zoneName, source(file, options), List.of());
  }
}
