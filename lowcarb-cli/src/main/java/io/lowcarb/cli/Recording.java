package io.lowcarb.cli;

import io.lowcarb.energy.EnergyReport;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.Machine;
import io.lowcarb.track.Point;
import io.lowcarb.track.ProgressPoints;
import io.lowcarb.track.RunEnd;
import io.lowcarb.track.RunKind;
import io.lowcarb.track.RunStart;
import io.lowcarb.track.RunStore;
import io.lowcarb.track.StoreException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command's run in the store: written when it starts (so a crash leaves it, marked running),
 * its series as they grow, its end when it ends. The store is opened before the work starts, so
 * a store that cannot be reached stops the command before it does anything; a write that fails
 * later is reported once and the work goes on.
 *
 * <p>The run has one id, a UUID, from its start: the store's key and the {@code run_id} of the
 * command's JSON and CSV, which carry it even when the store is off.
 */
final class Recording implements AutoCloseable {
  private final RunStore store;
  private final String id;
  private final Optional<String> parent;
  private final PrintWriter err;
  private final String command;
  private final ProgressPoints progress = new ProgressPoints();
  private boolean warned;

  private Recording(RunStore store, String id, Optional<String> parent, PrintWriter err, String command) {
    this.store = store;
    this.id = id;
    this.parent = parent;
    this.err = err;
    this.command = command;
  }

  /** Starts recording the run of {@code spec}'s command, or nothing when the store is off. */
  static Recording start(
      StoreOption option, CommandLine.Model.CommandSpec spec, RunKind kind, String name, Machine machine,
      String mainMetric) {
    return start(option, spec, kind, name, machine, mainMetric, Map.of());
  }

  /** Starts recording, with parameters beyond the command's options. */
  static Recording start(
      StoreOption option, CommandLine.Model.CommandSpec spec, RunKind kind, String name, Machine machine,
      String mainMetric, Map<String, String> more) {
    return open(option, spec, RunStore.newId(), false, new RunStart(kind, name, commandLine(spec),
        withMore(parameters(spec), more), Instant.now(), machine, mainMetric));
  }

  /**
   * Goes on recording run {@code id} (a pipeline resumed after a failure): marked running again if
   * the store holds it, begun under that id if not.
   */
  static Recording resume(
      StoreOption option, CommandLine.Model.CommandSpec spec, String id, RunKind kind, String name, Machine machine,
      String mainMetric, Map<String, String> more) {
    return open(option, spec, id, true, new RunStart(kind, name, commandLine(spec),
        withMore(parameters(spec), more), Instant.now(), machine, mainMetric));
  }

  private static Recording open(
      StoreOption option, CommandLine.Model.CommandSpec spec, String id, boolean resume, RunStart start) {
    PrintWriter err = spec.commandLine().getErr();
    String commandName = spec.qualifiedName().replaceFirst("^lowcarb ", "");
    Optional<String> parent = option.parent();
    Optional<RunStore> store = option.openForRecording();
    if (store.isEmpty()) {
      return new Recording(null, id, parent, err, commandName);
    }
    try {
      if (resume && store.get().contains(id)) {
        store.get().reopen(id);
      } else {
        store.get().begin(id, parent.map(start::under).orElse(start));
      }
      return new Recording(store.get(), id, parent, err, commandName);
    } catch (StoreException | IllegalArgumentException e) {
      store.get().close();
      throw new UsageException(e.getMessage());
    }
  }

  private static Map<String, String> withMore(Map<String, String> parameters, Map<String, String> more) {
    Map<String, String> all = new TreeMap<>(parameters);
    all.putAll(more);
    return all;
  }

  /** The run's id, a UUID: in the store when {@link #recorded()}, and in the command's files either way. */
  String id() {
    return id;
  }

  /** Whether the run is in the store. */
  boolean recorded() {
    return store != null;
  }

  /** The run it is recorded under, if any. */
  Optional<String> parent() {
    return parent;
  }

  /**
   * The run that commands started by this one should record theirs under: this one when it is
   * recorded, else the one it would have been recorded under.
   */
  Optional<String> parentForChildren() {
    return recorded() ? Optional.of(id) : parent;
  }

  /** Its id and parent, as its JSON carries them. */
  RunIds ids() {
    return new RunIds(id, parent);
  }

  /** The runs recorded under this one so far, oldest first; none when nothing is recorded. */
  List<io.lowcarb.track.Run> children() {
    if (store == null) {
      return List.of();
    }
    try {
      return store.children(id);
    } catch (StoreException e) {
      warn(e);
      return List.of();
    }
  }

  /** Adds the power and cumulative energy that {@code cumulative}, the task so far, shows. */
  void progress(EnergyReport cumulative) {
    Map<String, List<Point>> points;
    synchronized (progress) {
      points = progress.next(cumulative);
    }
    points.forEach(this::points);
  }

  /** Adds points to a series. */
  void points(String series, List<Point> points) {
    if (store == null) {
      return;
    }
    try {
      store.addPoints(id, series, points);
    } catch (StoreException e) {
      warn(e);
    }
  }

  /** Records the end; the footprint is {@code report}'s. */
  void finish(EnergyReport report, Map<String, Double> metrics, java.util.function.UnaryOperator<RunEnd> more) {
    end(more.apply(RunEnd.finished(report.end(), Footprint.of(report), metrics)));
  }

  /** Records an end. */
  void end(RunEnd end) {
    if (store == null) {
      return;
    }
    try {
      store.finish(id, end);
      err.println(command + ": recorded as run " + id + " (lowcarb runs show " + id + ")");
    } catch (StoreException e) {
      warn(e);
    }
  }

  /** Records that the work failed, with nothing measured. */
  void failed(String why) {
    end(new RunEnd(io.lowcarb.track.RunStatus.FAILED, Instant.now(), Optional.empty(), Map.of(), List.of(),
        Optional.empty(), java.util.OptionalInt.empty(), why));
  }

  /** Work that may fail. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws java.io.IOException;
  }

  /** Runs {@code work}; if it throws, records the failure and rethrows. */
  <T> T failOnError(Work<T> work) throws java.io.IOException {
    try {
      return work.run();
    } catch (java.io.IOException | RuntimeException | Error e) {
      failed(e.getMessage() == null ? e.toString() : e.getMessage());
      throw e;
    }
  }

  private void warn(StoreException e) {
    if (!warned) {
      warned = true;
      err.println(command + ": warning: the run is not fully recorded: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }

  /** The command as typed. */
  static String commandLine(CommandLine.Model.CommandSpec spec) {
    return "lowcarb " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }

  /** The options given and the defaults that applied, by their longest name without dashes. */
  static Map<String, String> parameters(CommandLine.Model.CommandSpec spec) {
    Map<String, String> out = new TreeMap<>();
    for (OptionSpec o : spec.options()) {
      // the store is where it is recorded, the parent run is stored as such
      if (o.usageHelp() || o.versionHelp() || o.longestName().equals("--store") || o.longestName().equals("--parent-run")) {
        continue;
      }
      Object v = o.getValue();
      if (v == null || v instanceof Boolean b && !b || v instanceof java.util.Collection<?> c && c.isEmpty()) {
        continue;
      }
      out.put(o.longestName().replaceFirst("^-+", ""), String.valueOf(v));
    }
    return out;
  }
}
