package io.lowcarb.advise.region;

import io.lowcarb.energy.carbon.ZoneEntry;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place to run: a cloud region ({@code aws:eu-north-1}) or a grid zone ({@code ES}).
 *
 * @param zone the zone code
 * @param name a readable name
 * @param gPerKwh annual average grid intensity, in gCO2e/kWh
 * @param pue the data centre's PUE; 1 for a grid zone (no data-centre overhead counted, as {@code lowcarb measure} does)
 * @param year the year of the intensity figure
 * @param source its citation
 */
public record Region(String zone, String name, double gPerKwh, double pue, String year, String source) {
  private static final Pattern GRID = Pattern.compile("^grid ([A-Za-z0-9-]+):");

  /** The region of a row of the built-in zone table. */
  public static Region of(ZoneEntry entry) {
    return new Region(entry.zone(), entry.name(), entry.gPerKwh(), entry.pue().orElse(1.0), entry.year(), entry.source());
  }

  /** The cloud provider, for a cloud region: the part before the colon. */
  public Optional<String> provider() {
    int colon = zone.indexOf(':');
    return colon < 0 ? Optional.empty() : Optional.of(zone.substring(0, colon));
  }

  /** The grid zone whose intensity the region takes, as the zone table cites it; the zone itself for a grid zone. */
  public String grid() {
    Matcher m = GRID.matcher(source);
    return m.find() ? m.group(1) : zone;
  }

  /** Effective intensity at the plug of the IT equipment, in gCO2e/kWh: grid intensity times PUE. */
  public double effectiveGPerKwh() {
    return gPerKwh * pue;
  }
}
