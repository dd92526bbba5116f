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
 *
 * <p>A run recorded under another names it with {@code --parent-run ID} (lowcarb's own steps pass
 * it), else {@code LOWCARB_PARENT_RUN_ID}, which lowcarb sets for the commands it runs: a lowcarb
 * command run by {@code lowcarb measure} records its run under the measurement's.
 */
final class StoreOption {
  static final String NONE = "none";
  /** The variable in which a run tells the commands it starts its id. */
  static final String PARENT_VARIABLE = "LOWCARB_PARENT_RUN_ID";
  private static final java.util.regex.Pattern RUN_ID = java.util.regex.Pattern.compile("[0-9a-f][0-9a-f-]{0,63}");

  @Option(names = "--store", paramLabel = "JDBC_URL",
      description = "Where runs are recorded: jdbc:postgresql://... for a team, jdbc:h2:file:PATH, or none "
          + "(default: $LOWCARB_STORE, else an H2 file in ~/.lowcarb).")
  String url;

  @Option(names = "--parent-run", hidden = true, paramLabel = "ID", converter = RunIdConverter.class,
      description = "Record the run under run ID (lowcarb's pipeline and scheduler pass it).")
  String parentRun;

  /** Refuses a {@code --parent-run} that is no run id when the command line is read, before any work. */
  static final class RunIdConverter implements picocli.CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String id = value.strip().toLowerCase(java.util.Locale.ROOT);
      if (!RUN_ID.matcher(id).matches()) {
        throw new picocli.CommandLine.TypeConversionException("must be a run id, got '" + value + "'");
      }
      return id;
    }
  }

  /** The run to record under: {@code --parent-run}, else {@code LOWCARB_PARENT_RUN_ID}, else none. */
  Optional<String> parent() {
    String p = parentRun != null ? parentRun : System.getenv(PARENT_VARIABLE);
    if (p == null || p.isBlank()) {
      return Optional.empty();
    }
    String id = p.strip().toLowerCase(java.util.Locale.ROOT);
    if (!RUN_ID.matcher(id).matches()) {
      throw new UsageException(PARENT_VARIABLE + " must be a run id, got '" + p + "'");
    }
    return Optional.of(id);
  }

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
