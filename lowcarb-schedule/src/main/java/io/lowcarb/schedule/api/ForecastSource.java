package io.lowcarb.schedule.api;

import io.lowcarb.energy.carbon.CarbonIntensityProvider;
import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.IntensityUnavailableException;
import java.time.Instant;
import java.util.List;

/**
 * Forecast intensity for one location: a live forecast API, lowcarb's own forecaster, or for
 * replays a recorded series taken as a perfect forecast. Implementations must be safe to call
 * from several threads.
 */
@FunctionalInterface
public interface ForecastSource {

  /**
   * The latest forecast for the periods overlapping {@code [from, to)}.
   *
   * @throws IntensityUnavailableException when the forecast does not cover the range
   */
  Forecast forecast(Instant from, Instant to) throws IntensityUnavailableException;

  /**
   * A perfect forecast: the provider's own figures over the range (for a series file, the series
   * itself), generated when the first of them was fetched.
   */
  static ForecastSource replay(CarbonIntensityProvider provider) {
    return (from, to) -> {
      List<IntensityPoint> points = provider.between(from, to);
      return new Forecast(points.getFirst().fetchedAt(), points);
    };
  }
}
