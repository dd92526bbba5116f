package io.lowcarb.energy.carbon;

/** No carbon intensity is known for the zone at the time asked. */
public final class IntensityUnavailableException extends Exception {
  public IntensityUnavailableException(String message) {
    super(message);
  }
}
