package io.lowcarb.energy.carbon;

import java.time.Instant;
import java.util.List;

/**
 * A source of grid carbon intensity for one zone: a table, a time series file, or a live API.
 * Implementations must be safe to call from several threads.
 */
public interface CarbonIntensityProvider {

  /** The zone, for example {@code ES}, {@code US-CAL-CISO} or {@code aws:eu-west-1}. */
  String zone();

  /** A short description of where the figures come from, for reports. */
  String source();

  /**
   * The intensity in effect at {@code time}.
   *
   * @throws IntensityUnavailableException when the provider has no figure for that time
   */
  IntensityPoint at(Instant time) throws IntensityUnavailableException;

  /**
   * The intensity periods that overlap {@code [from, to)}, in time order, with no gaps.
   *
   * @throws IntensityUnavailableException when part of the range is not covered
   */
  List<IntensityPoint> between(Instant from, Instant to) throws IntensityUnavailableException;
}
