package io.lowcarb.schedule.api;

import io.lowcarb.energy.carbon.CarbonIntensityProvider;
import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.IntensitySeries;
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
   * The latest forecast for the periods overlapping {@code [from, to)}. It may end before {@code
   * to} when the forecast reaches less far; the caller checks the range it needs.
   *
   * @throws IntensityUnavailableException when the forecast does not cover {@code from}
   */
  Forecast forecast(Instant from, Instant to) throws IntensityUnavailableException;

  /**
   * A perfect forecast for replaying the past: the provider's own figures over the range (for a
   * series, the series itself, up to its end), as if generated at {@code from}.
   */
  static ForecastSource replay(CarbonIntensityProvider provider) {
    return (from, to) -> {
      Instant end = provider instanceof IntensitySeries s && to.isAfter(s.end()) && from.isBefore(s.end()) ? s.end() : to;
      List<IntensityPoint> points = provider.between(from, end);
      return new Forecast(from, points);
    };
  }

  /** A live provider's own forecast, as generated when asked. */
  static ForecastSource live(io.lowcarb.schedule.provider.ForecastingProvider provider, java.time.InstantSource clock) {
    return (from, to) -> new Forecast(clock.instant(), provider.forecast(from, to));
  }
}
