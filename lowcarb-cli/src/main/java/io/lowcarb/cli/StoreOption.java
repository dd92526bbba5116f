package io.lowcarb.cli;

import io.lowcarb.track.RunStore;
import io.lowcarb.track.StoreException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The run store: {@code --store URL}, else {@code LOWCARB_STORE}, else an H2 file {@code runs}
 * under {@code LOWCARB_HOME} (default {@code ~/.lowcarb}). {@code none} records nothing.
 */
final class StoreOption {
  static final String NONE = "none";

  @Option(names = "--store", paramLabel = "JDBC_URL",
      description = "Where runs are recorded: jdbc:postgresql://... for a team, jdbc:h2:file:PATH, or none "
          + "(default: $LOWCARB_STORE, else an H2 file in ~/.lowcarb).")
  String url;

  /** The URL chosen, or empty for the default file. */
  String chosen() {
    String c = url != null ? url : System.getenv("LOWCARB_STORE");
    return c == null ? "" : c.trim();
  }

  /** Whether runs are recorded at all. */
  boolean enabled() {
    return !NONE.equalsIgnoreCase(chosen());
  }

  /** Opens the store to read it; a store that cannot be opened is a usage error. */
  RunStore open() {
    if (!enabled()) {
      throw new UsageException("no run store: --store (or LOWCARB_STORE) is 'none'");
    }
    try {
      String c = chosen();
      return c.isEmpty() ? RunStore.openDefault(home()) : RunStore.open(c);
    } catch (StoreException | UncheckedIOException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Opens the store to record a run in, or nothing when recording is off. */
  Optional<RunStore> openForRecording() {
    return enabled() ? Optional.of(open()) : Optional.empty();
  }

  /** lowcarb's folder: {@code LOWCARB_HOME}, else {@code ~/.lowcarb}. */
  static Path home() {
    String h = System.getenv("LOWCARB_HOME");
    return h != null && !h.isBlank() ? Path.of(h) : Path.of(System.getProperty("user.home"), ".lowcarb");
  }
}
