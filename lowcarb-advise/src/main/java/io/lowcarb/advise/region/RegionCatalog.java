package io.lowcarb.advise.region;

import io.lowcarb.advise.names.NamePatterns;
import io.lowcarb.energy.carbon.ZoneTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** The regions of the built-in zone table, picked by name or glob ({@code aws:*}, {@code gcp:europe-*}). */
public final class RegionCatalog {
  private final List<Region> regions;

  public RegionCatalog(List<Region> regions) {
    this.regions = List.copyOf(regions);
  }

  /** Every zone of {@link ZoneTable#builtIn()}. */
  public static RegionCatalog builtIn() {
    return new RegionCatalog(ZoneTable.builtIn().entries().stream().map(Region::of).toList());
  }

  /** The cloud regions: zones of the form {@code provider:region}. */
  public List<Region> cloud() {
    return regions.stream().filter(r -> r.provider().isPresent()).toList();
  }

  /**
   * The regions that comma-separated names or globs choose, without repeats, in the order asked.
   *
   * @throws io.lowcarb.advise.names.UnknownNameException for a name or glob that matches nothing
   */
  public List<Region> select(List<String> patterns) {
    LinkedHashSet<Region> chosen = new LinkedHashSet<>();
    for (String pattern : patterns) {
      chosen.addAll(NamePatterns.select("region", pattern.trim(), regions, Region::zone, RegionCatalog::key));
    }
    return new ArrayList<>(chosen);
  }

  private static String key(String zone) {
    return zone.trim().toLowerCase(Locale.ROOT);
  }
}
