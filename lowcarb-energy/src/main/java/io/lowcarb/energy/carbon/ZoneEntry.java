package io.lowcarb.energy.carbon;

import java.util.OptionalDouble;

/**
 * A row of the built-in zone table.
 *
 * @param zone the zone code: ISO 3166 country ({@code ES}), sub-national grid ({@code US-CA}) or
 *     cloud region ({@code aws:eu-west-1}, {@code gcp:europe-west1}, {@code azure:westeurope})
 * @param name a readable name
 * @param gPerKwh annual average grid intensity, in gCO2e/kWh
 * @param pue the data centre's power usage effectiveness, for cloud regions
 * @param year the year of the underlying data
 * @param source the citation
 */
public record ZoneEntry(String zone, String name, double gPerKwh, OptionalDouble pue, String year, String source) {

  /** This row as a provider. */
  public CarbonIntensityProvider provider() {
    return new FixedIntensity(zone, gPerKwh, IntensityKind.ANNUAL_AVERAGE, source + " (" + year + ")");
  }
}
