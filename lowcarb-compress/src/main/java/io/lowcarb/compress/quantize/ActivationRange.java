package io.lowcarb.compress.quantize;

/**
 * The range an activation is quantized over, widened to hold 0 so that 0 is exact, and its
 * asymmetric uint8 step.
 *
 * @param min the lowest value represented
 * @param max the highest value represented
 */
public record ActivationRange(float min, float max) {
  public ActivationRange {
    if (!(min <= max)) {
      throw new IllegalArgumentException("an activation range needs min <= max, not [" + min + ", " + max + "]");
    }
    min = Math.min(min, 0f);
    max = Math.max(max, 0f);
  }

  /** The value of one uint8 step; 1 for a range that is only 0. */
  public float scale() {
    float scale = (max - min) / 255f;
    return scale > 0 ? scale : 1f;
  }

  /** The uint8 that stands for 0, 0..255. */
  public int zeroPoint() {
    return Math.clamp(Math.round(-min / scale()), 0, 255);
  }
}
