package io.lowcarb.fl.check;

import java.util.Locale;
import java.util.Optional;

/**
 * The checks an update passes before it is aggregated: it has the model's number of values, every
 * value is finite, and its payload is not over the size limit.
 *
 * @param expectedLength the model's number of values
 * @param maxBytes the largest payload accepted, in bytes
 */
public record UpdateCheck(int expectedLength, long maxBytes) {
  public UpdateCheck {
    if (expectedLength < 0 || maxBytes < 0) {
      throw new IllegalArgumentException("the expected length and the byte limit must be >= 0");
    }
  }

  /** A limit that any update of a model of {@code values} values fits, in any encoding (fp32 plus a header). */
  public static UpdateCheck forModel(int values) {
    return new UpdateCheck(values, 4L * values + 64);
  }

  /**
   * Why the update is refused, or empty when it passes.
   *
   * @param weights the model the update rebuilds, flat
   * @param bytes the size of its payload, in bytes
   */
  public Optional<String> refuse(float[] weights, long bytes) {
    if (weights.length != expectedLength) {
      return Optional.of(String.format(Locale.ROOT, "%,d values, expected %,d", weights.length, expectedLength));
    }
    if (bytes > maxBytes) {
      return Optional.of(String.format(Locale.ROOT, "%,d bytes, over the %,d-byte limit", bytes, maxBytes));
    }
    for (int i = 0; i < weights.length; i++) {
      if (Float.isNaN(weights[i])) {
        return Optional.of("value " + i + " is NaN");
      }
      if (Float.isInfinite(weights[i])) {
        return Optional.of("value " + i + " is infinite");
      }
    }
    return Optional.empty();
  }
}
