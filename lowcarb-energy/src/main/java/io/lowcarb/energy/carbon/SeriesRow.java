package io.lowcarb.energy.carbon;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One value of a series file, before sorting.
 *
 * @param time when the value starts to hold
 * @param gPerKwh the intensity, gCO2e/kWh
 * @param kind what the value stands for
 * @param length how long the value holds where the file says so (a period's end); null where it
 *     follows from the next time (step semantics)
 * @param line where it was read, for messages
 */
record SeriesRow(Instant time, double gPerKwh, IntensityKind kind, Duration length, int line) {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

  /**
   * A value as written in a file: a plain decimal number, finite and at least 0, times {@code
   * factor} (a unit conversion).
   *
   * @throws SeriesFormatException naming the file and line when it is not
   */
  static double intensity(Path file, int line, String text, double factor) throws SeriesFormatException {
    String t = text.strip();
    if (NOT_FINITE.matcher(t).matches()) {
      throw new SeriesFormatException(file, line, "'" + t + "' is not an intensity: values must be finite numbers");
    }
    if (!DECIMAL.matcher(t).matches()) {
      throw new SeriesFormatException(file, line, "'" + t + "' is not a number");
    }
    double value = Double.parseDouble(t);
    if (value < 0 || Double.isInfinite(value)) {
      throw new SeriesFormatException(file, line, "intensity must be a finite number >= 0 gCO2e/kWh, got " + t);
    }
    return value * factor;
  }
}
