package io.lowcarb.train.forecast;

/**
 * The meter's cumulative figures at one moment of a training session (or a difference of two).
 *
 * @param joules energy, in J
 * @param grams emissions, in gCO2e
 * @param seconds time, in s
 * @param uncertaintyPct the meter's relative uncertainty of the energy, in percent (the
 *     energy-weighted uncertainty of its components; a difference keeps the later reading's)
 */
public record Reading(double joules, double grams, double seconds, double uncertaintyPct) {
  /** Nothing spent. */
  public static final Reading ZERO = new Reading(0, 0, 0, 0);

  /** What was spent between {@code earlier} and this reading. */
  public Reading minus(Reading earlier) {
    return new Reading(joules - earlier.joules, grams - earlier.grams, seconds - earlier.seconds, uncertaintyPct);
  }

  /** The sum of both; the uncertainty is the larger one. */
  public Reading plus(Reading other) {
    return new Reading(joules + other.joules, grams + other.grams, seconds + other.seconds,
        Math.max(uncertaintyPct, other.uncertaintyPct));
  }

  /** Every figure times {@code factor}. */
  public Reading times(double factor) {
    return new Reading(joules * factor, grams * factor, seconds * factor, uncertaintyPct);
  }
}
