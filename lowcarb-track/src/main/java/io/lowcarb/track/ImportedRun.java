package io.lowcarb.track;

/**
 * A run brought in from another tool's records (a row of CodeCarbon's emissions.csv), with the key
 * that identifies it there, so that importing the same records again adds nothing.
 *
 * @param start its start
 * @param end its end
 * @param key what identifies it in its tool, for example {@code codecarbon:RUN_ID}; at most 300 characters
 */
public record ImportedRun(RunStart start, RunEnd end, String key) {
  public ImportedRun {
    if (key == null || key.isBlank() || key.length() > 300) {
      throw new IllegalArgumentException("an imported run needs a key of 1 to 300 characters, not '" + key + "'");
    }
  }
}
