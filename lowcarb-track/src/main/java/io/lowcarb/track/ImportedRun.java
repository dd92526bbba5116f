package io.lowcarb.track;

import java.util.Objects;
import java.util.Optional;

/**
 * A run brought in from another tool's records (a row of CodeCarbon's emissions.csv), with the key
 * that identifies it there, so that importing the same records again adds nothing.
 *
 * @param start its start
 * @param end its end
 * @param key what identifies it in its tool, for example {@code codecarbon:RUN_ID}; at most 300 characters
 * @param id the id it should keep in the store: its own {@code run_id} where that is a UUID that
 *     names one run (a row lowcarb wrote), so that the file and the store name it alike; empty for
 *     a new id
 */
public record ImportedRun(RunStart start, RunEnd end, String key, Optional<String> id) {
  public ImportedRun {
    if (key == null || key.isBlank() || key.length() > 300) {
      throw new IllegalArgumentException("an imported run needs a key of 1 to 300 characters, not '" + key + "'");
    }
    Objects.requireNonNull(id, "id");
    if (id.isPresent() && !RunStore.isUuid(id.get())) {
      throw new IllegalArgumentException("an imported run's own id must be a UUID in lower case, got '" + id.get() + "'");
    }
  }

  /** A run that gets a new id in the store. */
  public ImportedRun(RunStart start, RunEnd end, String key) {
    this(start, end, key, Optional.empty());
  }
}
