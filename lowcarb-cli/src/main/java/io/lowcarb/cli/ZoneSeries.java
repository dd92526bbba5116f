package io.lowcarb.cli;

import io.lowcarb.energy.carbon.IntensitySeries;
import io.lowcarb.energy.carbon.SeriesFiles;
import io.lowcarb.energy.carbon.SeriesFormatException;
import io.lowcarb.energy.carbon.ZoneTable;
import io.lowcarb.fl.sim.GridIntensity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The intensities of {@code fl simulate}'s client zones: a series file where one is given
 * ({@code --zone-series ZONE=FILE}), else the built-in table's annual figure.
 *
 * @param series the series read, by zone
 */
record ZoneSeries(Map<String, IntensitySeries> series) {

  /** Reads the series and checks that every zone has a figure; a problem is a usage error. */
  static ZoneSeries read(Map<String, Path> files, List<String> zones, SeriesFiles.Options options) {
    Map<String, IntensitySeries> read = new LinkedHashMap<>();
    files.forEach((zone, file) -> {
      if (!zones.contains(zone)) {
        throw new UsageException("--zone-series " + zone + ": not one of --zones " + String.join(",", zones));
      }
      try {
        read.put(zone, SeriesFiles.read(file, options));
      } catch (SeriesFormatException e) {
        throw new UsageException(e.getMessage());
      } catch (IOException e) {
        throw new UsageException("cannot read " + file + ": " + e.getMessage());
      }
    });
    for (String z : zones) {
      if (!read.containsKey(z) && ZoneTable.builtIn().find(z).isEmpty()) {
        throw new UsageException("--zones: unknown zone '" + z + "'; 'lowcarb zones' lists them");
      }
    }
    return new ZoneSeries(Map.copyOf(read));
  }

  /** The latest first hour of the series, where all of them have begun; empty without series. */
  Optional<Instant> start() {
    return series.values().stream().map(IntensitySeries::first).max(Instant::compareTo);
  }

  /** The series' figures for their zones at the time asked, the table's for the others (in gCO2e/kWh). */
  GridIntensity intensity() {
    GridIntensity table = GridIntensity.table();
    GridIntensity files = GridIntensity.of(series);
    return (zone, time) -> series.containsKey(zone) ? files.gPerKwh(zone, time) : table.gPerKwh(zone, time);
  }
}
