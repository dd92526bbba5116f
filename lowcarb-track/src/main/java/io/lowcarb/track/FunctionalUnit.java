package io.lowcarb.track;

/**
 * What a run delivered, for the Software Carbon Intensity per unit.
 *
 * @param name the unit, for example "1,000 inferences" or "training run"
 * @param count how many units the run delivered (> 0)
 */
public record FunctionalUnit(String name, double count) {
  public FunctionalUnit {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a functional unit needs a name");
    }
    if (!(count > 0) || Double.isInfinite(count)) {
      throw new IllegalArgumentException("a functional unit count must be positive, not " + count);
    }
  }
}
