package io.lowcarb.energy.carbon;

import io.lowcarb.energy.text.CsvResource;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** The built-in table of annual grid intensity per country, grid region and cloud region. */
public final class ZoneTable {
  private static final String RESOURCE = "/io/lowcarb/energy/zones.csv";

  private final Map<String, ZoneEntry> byKey;

  ZoneTable(List<ZoneEntry> entries) {
    Map<String, ZoneEntry> map = new TreeMap<>();
    for (ZoneEntry entry : entries) {
      map.put(key(entry.zone()), entry);
    }
    this.byKey = map;
  }

  /** The table shipped with lowcarb. */
  public static ZoneTable builtIn() {
    return Holder.BUILT_IN;
  }

  private static final class Holder {
    static final ZoneTable BUILT_IN = load();
  }

  private static String key(String zone) {
    return zone.trim().toLowerCase(Locale.ROOT);
  }

  /** The entry for a zone code, ignoring case. */
  public Optional<ZoneEntry> find(String zone) {
    return Optional.ofNullable(byKey.get(key(zone)));
  }

  /** All entries, ordered by zone code. */
  public Collection<ZoneEntry> entries() {
    return byKey.values();
  }

  private static ZoneTable load() {
    // zone,name,g_per_kwh,pue,year,source
    return new ZoneTable(CsvResource.rows(RESOURCE, 6).stream()
        .map(f -> new ZoneEntry(f.get(0), f.get(1), Double.parseDouble(f.get(2)),
            f.get(3).isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(f.get(3))), f.get(4), f.get(5)))
        .toList());
  }

}
