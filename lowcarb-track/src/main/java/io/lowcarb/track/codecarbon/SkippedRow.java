package io.lowcarb.track.codecarbon;

/**
 * A row of an emissions.csv that cannot be imported.
 *
 * @param line the line it starts on, from 1 (the header is line 1)
 * @param reason why, for example "no duration or energy"
 */
public record SkippedRow(int line, String reason) {
  /** {@code line 6 (no duration or energy)}. */
  @Override
  public String toString() {
    return "line " + line + " (" + reason + ")";
  }
}
