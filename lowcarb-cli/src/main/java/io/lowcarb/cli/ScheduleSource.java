package io.lowcarb.cli;

import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.IntensitySeries;
import io.lowcarb.energy.carbon.IntensityUnavailableException;
import io.lowcarb.energy.carbon.SeriesFiles;
import io.lowcarb.energy.carbon.SeriesFormatException;
import io.lowcarb.energy.carbon.ZoneEntry;
import io.lowcarb.energy.carbon.ZoneTable;
import io.lowcarb.schedule.forecast.Forecasts;
import io.lowcarb.schedule.forecast.HoltWinters;
import io.lowcarb.schedule.provider.ForecastingProvider;
import io.lowcarb.schedule.provider.ProviderException;
import io.lowcarb.schedule.provider.Providers;
import io.lowcarb.schedule.window.BestPlace;
import io.lowcarb.schedule.window.BestWindow;
import io.lowcarb.schedule.window.Plan;
import io.lowcarb.schedule.window.Segment;
import io.lowcarb.schedule.window.Slots;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where a schedule's intensity comes from: series files (one per zone), or a zone and a live source. */
final class ScheduleSource {
  @Option(names = "--series", paramLabel = "[ZONE=]FILE",
      description = "Intensity series (Electricity Maps export, WattTime MOER CSV or JSON, UK Carbon Intensity API JSON, "
          + "or time,g_per_kwh CSV), optionally named by its zone; repeat for several zones.")
  List<String> series = new ArrayList<>();

  @Option(names = "--timezone", paramLabel = "ZONE",
      description = "The zone of times without an offset in the series files, e.g. Europe/Madrid (default UTC).")
  String timezone;

  @Option(names = "--interpolate", paramLabel = "step|linear", defaultValue = "step",
      description = "How values between two times are read: step (a value holds until the next, the default) or linear.")
  String interpolate;

  @Option(names = "--series-basis", paramLabel = "direct|lca", defaultValue = "lca",
      description = "For Electricity Maps files: direct or life-cycle (default) emissions.")
  String basis;

  @Option(names = "--zone", paramLabel = "ZONE", description = "The zone, with --source; or the zone of a plain series file.")
  String zone;

  @Option(names = "--source", paramLabel = "electricitymaps|watttime|uk",
      description = "A live intensity API whose forecast to use for --zone (tokens from LOWCARB_* variables).")
  String live;

  @Option(names = "--forecast", description = "Extend each series past its end with lowcarb's Holt-Winters forecast.")
  boolean forecast;

  /**
   * A zone to schedule in.
   *
   * @param place its series and PUE
   * @param source where the figures come from
   * @param notes what reading its series noted (rows sorted, duplicates, forecasts used), one line each
   */
  record Zone(BestPlace.Zone place, String source, List<String> notes) {
    /** Its series' gaps inside {@code [from, to)}. */
    List<Segment> gaps(Instant from, Instant to) {
      return place.search().slots().gapsWithin(from, to);
    }
  }

  /** Reads every zone's intensity over {@code [from, to]}, checking the options first. */
  List<Zone> zones(Instant from, Instant to) {
    if (live != null) {
      if (!series.isEmpty() || forecast) {
        throw new UsageException("--source cannot be combined with --series or --forecast");
      }
      return List.of(liveZone(from, to));
    }
    if (series.isEmpty()) {
      throw new UsageException("give --series FILE (one per zone), or --zone ZONE --source electricitymaps|watttime|uk");
    }
    SeriesFiles.Options options = seriesOptions(basis, timezone);
    Slots.Interpolation how = interpolation();
    List<Zone> zones = new ArrayList<>();
    for (String given : series) {
      String named = zoneOf(given);
      Path file = Path.of(named == null ? given : given.substring(named.length() + 1));
      if (!Files.isReadable(file)) {
        throw new UsageException("cannot read series file " + file);
      }
      IntensitySeries s;
      try {
        s = SeriesFiles.read(file, options);
      } catch (SeriesFormatException e) {
        throw new UsageException(e.getMessage());
      } catch (IOException e) {
        throw new UsageException("cannot read series file " + file + ": " + e.getMessage());
      }
      String name = named != null ? named : !s.zone().isEmpty() ? s.zone() : zone != null ? zone : file.getFileName().toString();
      List<IntensityPoint> points = s.points();
      String described = s.source();
      if (forecast && to.isAfter(s.end())) {
        try {
          points = new ArrayList<>(points);
          points.addAll(Forecasts.extend(s, s.end(), to, HoltWinters.fitted()));
          described += " and its Holt-Winters forecast from " + s.end() + " (" + Durations.text(Forecasts.step(s)) + " steps)";
        } catch (IllegalArgumentException e) {
          throw new UsageException(file + ": cannot forecast: " + e.getMessage());
        }
      }
      Slots slots;
      try {
        slots = Slots.from(points, how);
      } catch (IllegalArgumentException e) {
        throw new UsageException(file + ": " + e.getMessage());
      }
      double pue = pue(name);
      List<String> notes = s.notes().stream().map(n -> file.getFileName() + ": " + n).toList();
      zones.add(new Zone(new BestPlace.Zone(name, new BestWindow(slots), pue), described, notes));
    }
    return zones;
  }

  /** Basis and time zone of series files, checked: a bad one is a usage error. */
  static SeriesFiles.Options seriesOptions(String basis, String timezone) {
    SeriesFiles.Basis b = switch (basis.toLowerCase(Locale.ROOT)) {
      case "lca" -> SeriesFiles.Basis.LCA;
      case "direct" -> SeriesFiles.Basis.DIRECT;
      default -> throw new UsageException("--series-basis must be direct or lca, got '" + basis + "'");
    };
    ZoneId zone = ZoneOffset.UTC;
    if (timezone != null) {
      try {
        zone = ZoneId.of(timezone.strip());
      } catch (DateTimeException e) {
        throw new UsageException("--timezone: unknown zone '" + timezone + "' (give a name such as Europe/Madrid, or an"
            + " offset such as +01:00)");
      }
    }
    return new SeriesFiles.Options(b, zone);
  }

  private Slots.Interpolation interpolation() {
    return switch (interpolate.strip().toLowerCase(Locale.ROOT)) {
      case "step" -> Slots.Interpolation.STEP;
      case "linear" -> Slots.Interpolation.LINEAR;
      default -> throw new UsageException("--interpolate must be step or linear, got '" + interpolate + "'");
    };
  }

  /** Whether a series or a live source was given. */
  boolean given() {
    return !series.isEmpty() || live != null;
  }

  /** The zone of {@code ZONE=FILE}; null for a plain file name (a readable file, or text without '=' before any '/'). */
  private static String zoneOf(String given) {
    int eq = given.indexOf('=');
    if (eq <= 0 || Files.isReadable(Path.of(given)) || given.substring(0, eq).contains("/")) {
      return null;
    }
    return given.substring(0, eq);
  }

  private Zone liveZone(Instant from, Instant to) {
    if (zone == null) {
      throw new UsageException("--source needs --zone");
    }
    List<IntensityPoint> points;
    String name = live.toLowerCase(Locale.ROOT);
    try {
      ForecastingProvider provider = Providers.create(name, zone);
      points = provider.forecast(from, to);
    } catch (IllegalArgumentException | ProviderException e) {
      throw new UsageException(e.getMessage());
    } catch (IntensityUnavailableException e) {
      throw new UsageException(live + " has no forecast for " + zone + " from " + from + " to " + to + ": " + e.getMessage());
    }
    Slots slots;
    try {
      slots = Slots.from(points, interpolation());
    } catch (IllegalArgumentException e) {
      throw new UsageException(live + " forecast for " + zone + ": " + e.getMessage());
    }
    String source = points.isEmpty() ? live : points.getFirst().source();
    return new Zone(new BestPlace.Zone(zone, new BestWindow(slots), pue(zone)), source, List.of());
  }

  /** A cloud region's PUE from the built-in table; 1 elsewhere (no data centre overhead known). */
  private static double pue(String zone) {
    return ZoneTable.builtIn().find(zone).map(ZoneEntry::pue)
        .filter(p -> p.isPresent()).map(p -> p.getAsDouble()).orElse(1.0);
  }

  /** Writes a zone's intensity as a {@code time,g_per_kwh} file, for the meter to account with. */
  static void writeSeries(Zone zone, Path file) throws IOException {
    Slots slots = zone.place().search().slots();
    StringBuilder csv = new StringBuilder("time,g_per_kwh\n");
    for (int i = 0; i < slots.size(); i++) {
      csv.append(slots.slotStart(i)).append(',').append(slots.value(i)).append('\n');
    }
    Files.writeString(file, csv);
  }

  /** A job's zone and its plan. */
  record Planned(Zone zone, Plan plan) {}

  /**
   * Checks a job that is to run from now (its command after {@code --}, a deadline ahead, one
   * zone) and plans it at the greenest contiguous window.
   */
  Planned planNow(CommandSpec spec, List<String> command, String verb, Instant now, Instant deadline, Duration estimate) {
    if (!spec.commandLine().getParseResult().originalArgs().contains("--") || command.isEmpty()) {
      throw new UsageException("put the command after '--', for example: lowcarb schedule " + verb
          + " ... -- python train.py");
    }
    if (!deadline.isAfter(now)) {
      throw new UsageException("the deadline " + deadline + " is in the past");
    }
    if (series.size() > 1) {
      throw new UsageException("give one --series FILE (or --zone ZONE --source S), not several");
    }
    Zone zone = zones(now, deadline).getFirst();
    Plan plan;
    try {
      plan = zone.place().search().contiguous(now, deadline, estimate);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    // Notes only once the plan stands, so that a usage error stays one line.
    PrintWriter err = spec.commandLine().getErr();
    zone.notes().forEach(n -> err.println("schedule: note: " + n));
    GapSummary.of(zone.gaps(now, deadline)).ifPresent(g -> err.println("schedule: note: " + g.text()));
    return new Planned(zone, plan);
  }
}
