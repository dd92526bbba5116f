package io.lowcarb.schedule.api;

import io.lowcarb.energy.carbon.CarbonIntensityProvider;
import io.lowcarb.energy.carbon.IntensitySeries;
import io.lowcarb.energy.carbon.SeriesFiles;
import io.lowcarb.energy.carbon.SeriesFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The locations the API answers for, by name (matched without regard to case, as the SDK's
 * routing does), each with its measured intensity and its forecast.
 */
public final class Catalog {

  /**
   * One location.
   *
   * @param name the name clients ask for, for example {@code ES} or {@code westeurope}
   * @param intensity measured intensity, gCO2e/kWh
   * @param forecast forecast intensity, gCO2e/kWh
   */
  public record Location(String name, CarbonIntensityProvider intensity, ForecastSource forecast) {

    public Location {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a location needs a name");
      }
      if (intensity == null || forecast == null) {
        throw new IllegalArgumentException("the location " + name + " needs an intensity provider and a forecast source");
      }
    }

    /** A location whose forecast is its own measured series (a replay). */
    public static Location of(String name, CarbonIntensityProvider intensity) {
      return new Location(name, intensity, ForecastSource.replay(intensity));
    }
  }

  private final Map<String, Location> byKey = new LinkedHashMap<>();

  /** @param locations the locations, with distinct names */
  public Catalog(List<Location> locations) {
    for (Location l : locations) {
      if (byKey.putIfAbsent(key(l.name()), l) != null) {
        throw new IllegalArgumentException("the location " + l.name() + " is in the catalog twice");
      }
    }
  }

  /** A catalog of recorded series, each its own forecast. */
  public static Catalog ofSeries(Map<String, ? extends CarbonIntensityProvider> series) {
    return new Catalog(series.entrySet().stream().map(e -> Location.of(e.getKey(), e.getValue())).toList());
  }

  /**
   * A catalog of series files (Electricity Maps exports or {@code time,g_per_kwh} CSV), each its
   * own forecast.
   *
   * @param files location name to file
   * @param basis for Electricity Maps files, direct or life-cycle emissions
   */
  public static Catalog fromSeriesFiles(Map<String, Path> files, SeriesFiles.Basis basis)
      throws IOException, SeriesFormatException {
    List<Location> locations = new ArrayList<>();
    for (Map.Entry<String, Path> e : files.entrySet()) {
      IntensitySeries series = SeriesFiles.read(e.getValue(), basis);
      locations.add(Location.of(e.getKey(), series));
    }
    return new Catalog(locations);
  }

  /** The location of that name, in any case. */
  public Optional<Location> find(String name) {
    return Optional.ofNullable(byKey.get(key(name)));
  }

  /** Every location, in the order given. */
  public List<Location> locations() {
    return List.copyOf(byKey.values());
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
