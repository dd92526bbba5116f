package io.lowcarb.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The trade-offs worth having: the items no other item beats on both a cost to minimise (CO2e)
 * and a score to maximise (accuracy).
 */
public final class ParetoFront {
  private ParetoFront() {}

  /**
   * The non-dominated items, by rising cost. Items with equal cost and score dominate neither
   * each other: both stay on the front. Items with a NaN cost or score are left out.
   *
   * @param items the candidates
   * @param cost what to minimise, for example emissions in gCO2e
   * @param score what to maximise, for example accuracy
   */
  public static <T> List<T> of(List<T> items, ToDoubleFunction<T> cost, ToDoubleFunction<T> score) {
    List<T> sorted = new ArrayList<>(items.stream()
        .filter(i -> !Double.isNaN(cost.applyAsDouble(i)) && !Double.isNaN(score.applyAsDouble(i)))
        .toList());
    // Cheapest first, and among equal costs the best first: one pass keeps each item that
    // scores at least as well as everything cheaper.
    sorted.sort(Comparator.comparingDouble(cost).thenComparing(Comparator.comparingDouble(score).reversed()));
    List<T> front = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    double bestCost = Double.NaN;
    for (T item : sorted) {
      double c = cost.applyAsDouble(item);
      double s = score.applyAsDouble(item);
      boolean tiesLast = !front.isEmpty() && c == bestCost && s == best;
      if (s > best || tiesLast) {
        front.add(item);
        best = s;
        bestCost = c;
      }
    }
    return List.copyOf(front);
  }

  /** Whether {@code a} dominates {@code b}: no worse on either, better on one. */
  public static <T> boolean dominates(T a, T b, ToDoubleFunction<T> cost, ToDoubleFunction<T> score) {
    double ca = cost.applyAsDouble(a);
    double cb = cost.applyAsDouble(b);
    double sa = score.applyAsDouble(a);
    double sb = score.applyAsDouble(b);
    return ca <= cb && sa >= sb && (ca < cb || sa > sb);
  }
}
