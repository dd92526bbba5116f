package io.lowcarb.compress.prune;

/**
 * The gradual pruning schedule of Zhu and Gupta (2017, "To prune, or not to prune"): the target
 * sparsity rises from {@code s_i} to {@code s_f} over {@code n} mask updates, {@code dt} optimiser
 * steps apart, starting at step {@code t0}, fast at first and slowly at the end:
 *
 * <pre>{@code s_t = s_f + (s_i - s_f) * (1 - (t - t0) / (n * dt))^3}</pre>
 *
 * Between updates the sparsity of the last update holds; before {@code t0} it is {@code s_i}, after
 * {@code t0 + n * dt} it is {@code s_f}.
 *
 * @param initialSparsity {@code s_i}, the fraction of prunable weights that are zero at {@code t0}, in [0, 1)
 * @param finalSparsity {@code s_f}, the fraction at the end, in [{@code s_i}, 1)
 * @param startStep {@code t0}, the optimiser step (0-based) of the first update
 * @param updates {@code n}, the number of updates after the first; 0 prunes to {@code s_f} at once
 * @param interval {@code dt}, optimiser steps between updates, at least 1
 */
public record GradualSchedule(double initialSparsity, double finalSparsity, long startStep, int updates, long interval) {
  public GradualSchedule {
    if (!(initialSparsity >= 0 && initialSparsity < 1)) {
      throw new IllegalArgumentException("the initial sparsity must be in [0, 1), got " + initialSparsity);
    }
    if (!(finalSparsity >= initialSparsity && finalSparsity < 1)) {
      throw new IllegalArgumentException(
          "the final sparsity must be in [" + initialSparsity + ", 1), got " + finalSparsity);
    }
    if (startStep < 0 || updates < 0 || interval < 1) {
      throw new IllegalArgumentException("the start step and updates must be >= 0 and the interval >= 1, got "
          + startStep + ", " + updates + ", " + interval);
    }
  }

  /** Prunes to {@code sparsity} at step 0 and holds it. */
  public static GradualSchedule oneShot(double sparsity) {
    return new GradualSchedule(sparsity, sparsity, 0, 0, 1);
  }

  /** From 0 to {@code sparsity} over the first {@code steps} optimiser steps, in {@code updates} updates. */
  public static GradualSchedule over(double sparsity, long steps, int updates) {
    return new GradualSchedule(0, sparsity, 0, updates, Math.max(1, steps / Math.max(1, updates)));
  }

  /** The step of the last update, {@code t0 + n * dt}. */
  public long endStep() {
    return startStep + updates * interval;
  }

  /** Whether the masks are recomputed at this optimiser step. */
  public boolean isUpdate(long step) {
    return step >= startStep && step <= endStep() && (step - startStep) % interval == 0;
  }

  /** The target sparsity at this optimiser step, a fraction in [0, 1). */
  public double sparsityAt(long step) {
    if (step <= startStep) {
      return updates == 0 && step == startStep ? finalSparsity : initialSparsity;
    }
    if (step >= endStep()) {
      return finalSparsity;
    }
    long last = startStep + (step - startStep) / interval * interval;
    if (last == startStep) {
      return initialSparsity;
    }
    double remaining = 1 - (double) (last - startStep) / ((double) updates * interval);
    double s = finalSparsity + (initialSparsity - finalSparsity) * remaining * remaining * remaining;
    return Math.min(finalSparsity, Math.max(initialSparsity, s));
  }
}
