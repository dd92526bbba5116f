package io.lowcarb.cli;

import io.lowcarb.energy.carbon.IntensitySeries;
import io.lowcarb.energy.carbon.SeriesFiles;
import io.lowcarb.energy.carbon.SeriesFormatException;
import io.lowcarb.energy.carbon.ZoneEntry;
import io.lowcarb.energy.carbon.ZoneTable;
import io.lowcarb.schedule.window.BestPlace;
import io.lowcarb.schedule.window.BestWindow;
import io.lowcarb.schedule.window.Segment;
import io.lowcarb.schedule.window.Slots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Where a schedule's intensity comes from: series files (one per zone), or a zone and a live source. */
final class ScheduleSource {
  @Option(names = "--series", paramLabel = "FILE",
      description = "Intensity series (Electricity Maps CSV export or time,g_per_kwh CSV); repeat for several zones.")
  List<Path> series = new ArrayList<>();

  @Option(names = "--series-basis", paramLabel = "direct|lca", defaultValue = "lca",
      description = "For Electricity Maps files: direct or life-cycle (default) emissions.")
  String basis;

  @Option(names = "--zone", paramLabel = "ZONE", description = "The zone, with --source; or the zone of a plain series file.")
  String zone;

  /**
   * A zone to schedule in.
   *
   * @param place its series and PUE
   * @param source where the figures come from
   * @param filled short gaps that were filled by interpolation
   */
  record Zone(BestPlace.Zone place, String source, List<Segment> filled) {}

  /** Reads every zone's intensity over {@code [from, to]}, checking the options first. */
  List<Zone> zones(Instant from, Instant to) {
    if (series.isEmpty()) {
      throw new UsageException("give --series FILE (one per zone)");
    }
    SeriesFiles.Basis b = switch (basis.toLowerCase(Locale.ROOT)) {
      case "lca" -> SeriesFiles.Basis.LCA;
      case "direct" -> SeriesFiles.Basis.DIRECT;
      default -> throw new UsageException("--series-basis must be direct or lca, got '" + basis + "'");
    };
    List<Zone> zones = new ArrayList<>();
    for (Path file : series) {
      if (!Files.isReadable(file)) {
        throw new UsageException("cannot read series file " + file);
      }
      IntensitySeries s;
      try {
        s = SeriesFiles.read(file, b);
      } catch (SeriesFormatException e) {
        throw new UsageException(e.getMessage());
      } catch (IOException e) {
        throw new UsageException("cannot read series file " + file + ": " + e.getMessage());
      }
      String name = !s.zone().isEmpty() ? s.zone() : zone != null ? zone : file.getFileName().toString();
      Slots slots;
      try {
        slots = Slots.from(s.points());
      } catch (IllegalArgumentException e) {
        throw new UsageException(file + ": " + e.getMessage());
      }
      double pue = ZoneTable.builtIn().find(name).map(ZoneEntry::pue)
          .filter(p -> p.isPresent()).map(p -> p.getAsDouble()).orElse(1.0);
      zones.add(new Zone(new BestPlace.Zone(name, new BestWindow(slots), pue), s.source(), slots.filled()));
    }
    return zones;
  }
}
