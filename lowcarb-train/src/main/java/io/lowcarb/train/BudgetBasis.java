package io.lowcarb.train;

import io.lowcarb.train.forecast.Estimate;

/** Which figure of a prediction a budget is held against. */
public enum BudgetBasis {
  /** The interval's upper end: stop unless the run is likely to fit (the default). */
  UPPER,
  /** The point prediction: stop only when the best guess exceeds the budget. */
  POINT;

  /** The figure of {@code e} this basis compares with a budget. */
  public double of(Estimate e) {
    return this == UPPER ? e.high() : e.point();
  }
}
