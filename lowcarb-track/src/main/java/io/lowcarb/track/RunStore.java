package io.lowcarb.track;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where runs are kept: an H2 file ({@code ~/.lowcarb/runs} by default, shared by the processes
 * of one machine) or PostgreSQL, for a team. A run is written when it starts, its series as they
 * grow, and its end when it ends, each in its own transaction: a run whose process was killed
 * stays, marked running, with everything written until then. Thread-safe; several processes may
 * write at once.
 *
 * <p>A run's id is a UUID: the same id is its {@code run_id} in lowcarb's JSON and CSV files.
 * Runs stored before lowcarb used UUIDs keep their 12 hexadecimal digits.
 */
public final class RunStore implements AutoCloseable {
  private final StoreDatabase db;

  private RunStore(StoreDatabase db) {
    this.db = db;
  }

  /**
   * Opens the store at {@code jdbcUrl}, creating or migrating its tables.
   *
   * @param jdbcUrl {@code jdbc:h2:file:PATH} or {@code jdbc:postgresql://HOST:PORT/DB?user=U&password=P}
   * @throws StoreException when it cannot be reached or is not a store URL
   */
  public static RunStore open(String jdbcUrl) {
    return new RunStore(StoreDatabase.open(jdbcUrl));
  }

  /** The default store's URL: an H2 file {@code runs} under {@code home}. */
  public static String defaultUrl(Path home) {
    return "jdbc:h2:file:" + home.resolve("runs").toAbsolutePath();
  }

  /** Opens the default store under {@code home} (usually {@code ~/.lowcarb}), creating the folder. */
  public static RunStore openDefault(Path home) {
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + home + " for the run store: " + e.getMessage(), e);
    }
    return open(defaultUrl(home));
  }

  /** The URL, without passwords. */
  public String url() {
    return db.describe();
  }

  /** A new run id: a random UUID, in lower case. */
  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /** Records a run's start, as running; returns its new id. */
  public String begin(RunStart start) {
    return begin(newId(), start);
  }

  /**
   * Records a run's start, as running, under {@code id}: the id its files already carry.
   *
   * @param id a UUID ({@link #newId()}), not yet in the store
   * @return {@code id}
   * @throws IllegalArgumentException when {@code id} is not a UUID in its canonical lower-case form
   * @throws StoreException when the store fails, or holds a run {@code id} already
   */
  public String begin(String id, RunStart start) {
    Objects.requireNonNull(start, "start");
    checkId(id);
    db.inTransaction("record the start of run " + id, c -> {
      RunRows.insertStart(c, id, start);
      return null;
    });
    return id;
  }

  /**
   * Marks run {@code id} running again, its end cleared until {@link #finish} records the new one:
   * a run resumed after a failure.
   *
   * @throws UnknownRunException when there is no such run
   */
  public void reopen(String id) {
    if (!db.inTransaction("reopen run " + id, c -> RunRows.reopen(c, id))) {
      throw new UnknownRunException("no run " + id + " in the run store at " + url());
    }
  }

  /** Whether the store holds run {@code id} (an exact id, not a prefix). */
  public boolean contains(String id) {
    return db.inTransaction("look for run " + id, c -> RunRows.exists(c, id));
  }

  /** The runs recorded under run {@code id} (its parent), oldest first. */
  public List<Run> children(String id) {
    return db.inTransaction("read the runs under run " + id, c -> RunRows.children(c, id));
  }

  /** Whether {@code text} is a UUID as {@link UUID#toString()} writes it: a new run's id. */
  public static boolean isUuid(String text) {
    try {
      return text != null && UUID.fromString(text).toString().equals(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void checkId(String id) {
    if (!isUuid(id)) {
      throw new IllegalArgumentException("a new run's id must be a UUID in lower case, got '" + id + "'");
    }
  }

  /** Adds points to a series of run {@code id} (power over time, accuracy per epoch). */
  public void addPoints(String id, String series, List<Point> points) {
    if (points.isEmpty()) {
      return;
    }
    db.inTransaction("add to series " + series + " of run " + id, c -> {
      RunRows.insertPoints(c, id, series, points);
      return null;
    });
  }

  /** Records how run {@code id} ended. */
  public void finish(String id, RunEnd end) {
    boolean found = db.inTransaction("record the end of run " + id, c -> RunRows.updateEnd(c, id, end));
    if (!found) {
      throw new UnknownRunException("no run " + id + " in the run store at " + url());
    }
  }

  /** Stores a whole run at once (an imported one), with its series; returns its id. */
  public String insert(RunStart start, RunEnd end, Map<String, List<Point>> series) {
    String id = newId();
    db.inTransaction("store run " + id, c -> {
      RunRows.insertStart(c, id, start);
      RunRows.updateEnd(c, id, end);
      for (Map.Entry<String, List<Point>> s : series.entrySet()) {
        RunRows.insertPoints(c, id, s.getKey(), s.getValue());
      }
      return null;
    });
    return id;
  }

  /**
   * Stores runs imported from another tool, all in one transaction: all of them are stored, or,
   * if anything fails, none. A run whose key is already in the store, or earlier in {@code runs},
   * is left out, so that importing the same records twice adds nothing; so is a run whose own id
   * ({@link ImportedRun#id()}) the store holds already: it is that run, brought back.
   *
   * @return the ids of the runs added, by key, in the order of {@code runs}
   */
  public Map<String, String> importRuns(List<ImportedRun> runs) {
    return db.inTransaction("import " + runs.size() + " run(s)", c -> {
      Map<String, String> added = new LinkedHashMap<>();
      Set<String> seen = new HashSet<>();
      Set<String> seenIds = new HashSet<>();
      for (ImportedRun r : runs) {
        if (!seen.add(r.key()) || RunRows.hasImportKey(c, r.key())
            || r.id().isPresent() && (!seenIds.add(r.id().get()) || RunRows.exists(c, r.id().get()))) {
          continue;
        }
        String id = r.id().orElseGet(RunStore::newId);
        RunRows.insertStart(c, id, r.start(), r.key());
        RunRows.updateEnd(c, id, r.end());
        added.put(r.key(), id);
      }
      return added;
    });
  }

  /**
   * The run whose id is {@code idOrPrefix}, or the only one whose id starts with it (a UUID's
   * dashes optional).
   *
   * @throws UnknownRunException when none, or several, match
   */
  public Run get(String idOrPrefix) {
    String wanted = idOrPrefix == null ? "" : idOrPrefix.trim().toLowerCase(java.util.Locale.ROOT);
    if (wanted.isEmpty()) {
      throw new UnknownRunException("a run id is needed");
    }
    return db.inTransaction("read run " + wanted, c -> {
      Optional<Run> exact = RunRows.selectOne(c, wanted);
      if (exact.isPresent()) {
        return exact.get();
      }
      List<String> ids = RunRows.idsStartingWith(c, wanted);
      if (ids.isEmpty()) {
        throw new UnknownRunException("no run " + wanted + " in the run store at " + url() + " (see lowcarb runs list)");
      }
      if (ids.size() > 1) {
        throw new UnknownRunException("run id prefix " + wanted + " matches several runs: give more digits");
      }
      return RunRows.selectOne(c, ids.getFirst()).orElseThrow();
    });
  }

  /** The runs that pass {@code filter}, newest first. */
  public List<Run> list(RunFilter filter) {
    return db.inTransaction("list runs", c -> RunRows.select(c, filter));
  }

  /** The series of run {@code id}, by name, each ordered by x. */
  public Map<String, List<Point>> series(String id) {
    return db.inTransaction("read the series of run " + id, c -> RunRows.series(c, id));
  }

  @Override
  public void close() {
    db.close();
  }
}
