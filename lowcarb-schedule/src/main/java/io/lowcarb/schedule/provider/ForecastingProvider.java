package io.lowcarb.schedule.provider;

import io.lowcarb.energy.carbon.CarbonIntensityProvider;
import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.IntensityUnavailableException;
import java.time.Instant;
import java.util.List;

/**
 * A provider that also tells what the intensity is expected to be: the source's own forecast, for
 * choosing when to run a job. Every point carries its source and fetch time; a point read from a
 * cached response while the provider was down says {@code stale} in its source.
 *
 * <p>Live providers also throw the unchecked {@link ProviderException} when the service refuses the
 * credentials, is down with nothing cached, or answers something unreadable.
 */
public interface ForecastingProvider extends CarbonIntensityProvider {

  /**
   * The forecast periods that overlap {@code [from, to)}, in time order, in gCO2e/kWh, of kind
   * {@code FORECAST} or {@code MARGINAL_FORECAST} (a period whose actual value is already known may
   * come as measured). The list stops early where the source's horizon (one to three days) ends
   * before {@code to}.
   *
   * @throws IntensityUnavailableException when the forecast has no period in the range
   * @throws ProviderException when the provider cannot be asked (see the class comment)
   */
  List<IntensityPoint> forecast(Instant from, Instant to) throws IntensityUnavailableException;
}
