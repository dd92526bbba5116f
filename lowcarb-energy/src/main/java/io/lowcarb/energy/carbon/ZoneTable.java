package io.lowcarb.energy.carbon;

import io.lowcarb.energy.text.SimpleCsv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    try (InputStream in = ZoneTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<ZoneEntry> entries = new ArrayList<>();
      boolean header = true;
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false; // zone,name,g_per_kwh,pue,year,source
          continue;
        }
        List<String> f = SimpleCsv.split(line);
        OptionalDouble pue = f.get(3).isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(f.get(3)));
        entries.add(new ZoneEntry(f.get(0), f.get(1), Double.parseDouble(f.get(2)), pue, f.get(4), f.get(5)));
      }
      return new ZoneTable(entries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
