package io.lowcarb.schedule.api;

import java.time.Instant;
import java.util.List;

/**
 * A forecast with its best window, shaped as the SDK's {@code EmissionsForecastDTO}.
 *
 * @param generatedAt when the forecast was made
 * @param requestedAt when it was asked for
 * @param location the location asked for
 * @param dataStartAt the start of the forecast range used
 * @param dataEndAt the end of the forecast range used (exclusive)
 * @param windowSize the workload's length, minutes
 * @param optimalDataPoints the greenest window of that length in the range (empty when the range
 *     is shorter than the window)
 * @param forecastData the mean intensity over a window of that length starting at each period
 *     from {@code dataStartAt} on, gCO2e/kWh
 */
public record EmissionsForecast(
    Instant generatedAt,
    Instant requestedAt,
    String location,
    Instant dataStartAt,
    Instant dataEndAt,
    long windowSize,
    List<ForecastPoint> optimalDataPoints,
    List<ForecastPoint> forecastData) {

  public EmissionsForecast {
    optimalDataPoints = List.copyOf(optimalDataPoints);
    forecastData = List.copyOf(forecastData);
  }
}
