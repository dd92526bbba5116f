package io.lowcarb.train.forecast;

/**
 * The batches at the start of a session's first epoch that carry one-off costs (the JIT, the
 * first allocations, the engine's kernel choices) and so do not speak for the epochs to come.
 *
 * @param batches at least this many batches are warm-up
 * @param fraction at least this share of the epoch's batches is warm-up, 0..1
 */
public record Warmup(int batches, double fraction) {
  /** The larger of 5 batches and 10 % of the epoch. */
  public static final Warmup DEFAULT = new Warmup(5, 0.10);

  public Warmup {
    if (batches < 0 || !(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("warm-up needs batches >= 0 and a fraction in [0, 1), got "
          + batches + " and " + fraction);
    }
  }

  /**
   * How many of an epoch's {@code total} batches are warm-up; at least two batches are always left
   * to measure the steady state, unless the epoch has fewer than three (then none is warm-up).
   */
  public int of(int total) {
    int w = Math.max(batches, (int) Math.ceil(fraction * total));
    return total < 3 ? 0 : Math.min(w, total - 2);
  }
}
