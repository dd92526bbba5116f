package io.lowcarb.cli;

import io.lowcarb.energy.carbon.CarbonIntensityProvider;
import io.lowcarb.energy.carbon.FixedIntensity;
import io.lowcarb.energy.carbon.IntensitySeries;
import io.lowcarb.energy.carbon.IntensityUnavailableException;
import io.lowcarb.energy.carbon.SeriesFiles;
import io.lowcarb.energy.carbon.SeriesFormatException;
import io.lowcarb.energy.carbon.ZoneEntry;
import io.lowcarb.energy.carbon.ZoneTable;
import io.lowcarb.energy.report.RunRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import picocli.CommandLine.Option;

/** The options that choose a carbon intensity: a zone, a figure, or a time series file. */
final class IntensityOptions {
  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description = "Grid zone: ISO country (ES), grid region (US-CA) or cloud region (aws:eu-west-1). Default: WORLD.")
  String zone;

  @Option(names = "--intensity", paramLabel = "G_PER_KWH", description = "Carbon intensity to use, gCO2e/kWh.")
  Double intensity;

  @Option(
      names = "--series",
      paramLabel = "FILE",
      description = "Intensity time series: an Electricity Maps export, WattTime MOER CSV or JSON, UK Carbon Intensity"
          + " API JSON, or a time,g_per_kwh CSV.")
  Path series;

  @Option(
      names = "--timezone",
      paramLabel = "ZONE",
      description = "The zone of times without an offset in --series files, e.g. Europe/Madrid (default UTC).")
  String timezone;

  @Option(
      names = "--series-basis",
      paramLabel = "direct|lca",
      defaultValue = "lca",
      description = "For Electricity Maps files: direct or life-cycle (default) emissions.")
  String basis;

  /** The chosen provider, its PUE if it is a cloud region, and where it is. */
  record Choice(CarbonIntensityProvider provider, OptionalDouble pue, RunRecord.Location location) {}

  /**
   * Resolves the options, checking them all before any work starts.
   *
   * @param now the time the work starts, which a series must cover
   */
  Choice resolve(Instant now) {
    if (intensity != null && series != null) {
      throw new UsageException("--intensity and --series cannot be used together");
    }
    Optional<ZoneEntry> entry = Optional.empty();
    if (zone != null) {
      entry = ZoneTable.builtIn().find(zone);
      if (entry.isEmpty() && series == null) {
        throw new UsageException("unknown zone '" + zone
            + "': give an ISO country code (ES), a grid region (US-CA) or a cloud region (aws:eu-west-1); 'lowcarb zones' lists them");
      }
    }
    String zoneName = entry.map(ZoneEntry::zone).orElse(zone == null ? "WORLD" : zone);
    CarbonIntensityProvider provider;
    if (intensity != null) {
      if (!(intensity >= 0) || intensity.isInfinite()) {
        throw new UsageException("--intensity must be a number >= 0 gCO2e/kWh, got " + intensity);
      }
      provider = FixedIntensity.override(zoneName, intensity);
    } else if (series != null) {
      provider = readSeries(now);
      if (zone == null) {
        zoneName = provider.zone();
      }
    } else {
      provider = entry.orElseGet(() -> ZoneTable.builtIn().find("WORLD").orElseThrow()).provider();
    }
    OptionalDouble pue = entry.map(ZoneEntry::pue).orElse(OptionalDouble.empty());
    return new Choice(provider, pue, location(zoneName, entry));
  }

  /** How series files are read: the basis and time zone options, checked. */
  SeriesFiles.Options seriesOptions() {
    return ScheduleSource.seriesOptions(basis, timezone);
  }

  private IntensitySeries readSeries(Instant now) {
    SeriesFiles.Options options = seriesOptions();
    IntensitySeries s;
    try {
      s = SeriesFiles.read(series, options);
    } catch (SeriesFormatException e) {
      throw new UsageException(e.getMessage());
    } catch (IOException e) {
      throw new UsageException("cannot read " + series + ": " + e.getMessage());
    }
    try {
      s.at(now);
    } catch (IntensityUnavailableException e) {
      if (!now.isBefore(s.first()) && now.isBefore(s.end())) {
        IntensitySeries.Gap gap = s.gaps().stream().filter(g -> !now.isBefore(g.start()) && now.isBefore(g.end()))
            .findFirst().orElseThrow();
        throw new UsageException(series + " has a gap from " + gap.start() + " to " + gap.end() + ", and now (" + now
            + ") falls in it: give a series with a value for the time of the run");
      }
      throw new UsageException(series + " covers " + s.first() + " to " + s.end() + ", not now (" + now
          + "): give a series that covers the time of the run");
    }
    return s;
  }

  private static RunRecord.Location location(String zone, Optional<ZoneEntry> entry) {
    String name = entry.map(ZoneEntry::name).orElse("");
    int colon = zone.indexOf(':');
    if (colon > 0) {
      return new RunRecord.Location(zone, "", name, "", zone.substring(0, colon), zone.substring(colon + 1));
    }
    if (zone.length() == 2 && !zone.equalsIgnoreCase("WORLD")) {
      return new RunRecord.Location(zone, zone.toUpperCase(Locale.ROOT), name, "", "", "");
    }
    if (zone.length() > 3 && zone.charAt(2) == '-') {
      return new RunRecord.Location(zone, zone.substring(0, 2).toUpperCase(Locale.ROOT), "", name, "", "");
    }
    return new RunRecord.Location(zone, "", name, "", "", "");
  }
}
