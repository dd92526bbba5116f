package io.lowcarb.schedule.api;

import io.lowcarb.energy.carbon.IntensityPoint;
import java.time.Instant;
import java.util.List;

/**
 * A forecast of carbon intensity.
 *
 * @param generatedAt when the forecast was made
 * @param points forecast periods in time order, without gaps, in gCO2e/kWh
 */
public record Forecast(Instant generatedAt, List<IntensityPoint> points) {

  public Forecast {
    points = List.copyOf(points);
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a forecast needs at least one period");
    }
  }
}
