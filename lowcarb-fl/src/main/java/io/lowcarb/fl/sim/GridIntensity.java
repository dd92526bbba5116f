package io.lowcarb.fl.sim;

import io.lowcarb.energy.carbon.CarbonIntensityProvider;
import io.lowcarb.energy.carbon.IntensityUnavailableException;
import io.lowcarb.energy.carbon.ZoneTable;
import java.time.Instant;
import java.util.Map;

/** The carbon intensity of a zone's grid at a time, in gCO2e/kWh. */
@FunctionalInterface
public interface GridIntensity {

  /**
   * The intensity of {@code zone} at {@code time}, in gCO2e/kWh.
   *
   * @throws IllegalArgumentException for a zone without a figure
   */
  double gPerKwh(String zone, Instant time);

  /** The built-in table of annual means: the same figure at every time. */
  static GridIntensity table() {
    ZoneTable table = ZoneTable.builtIn();
    return (zone, time) -> table.find(zone)
        .orElseThrow(() -> new IllegalArgumentException("unknown zone '" + zone + "' (lowcarb zones lists them)"))
        .gPerKwh();
  }

  /** One provider per zone (a series file, a live source), read at the time asked. */
  static GridIntensity of(Map<String, ? extends CarbonIntensityProvider> providers) {
    Map<String, CarbonIntensityProvider> copy = Map.copyOf(providers);
    return (zone, time) -> {
      CarbonIntensityProvider p = copy.get(zone);
      if (p == null) {
        throw new IllegalArgumentException("no intensity for the zone '" + zone + "'");
      }
      try {
        return p.at(time).gPerKwh();
      } catch (IntensityUnavailableException e) {
        throw new IllegalArgumentException(zone + ": " + e.getMessage(), e);
      }
    };
  }
}
