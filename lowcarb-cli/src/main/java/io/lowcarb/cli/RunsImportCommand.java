package io.lowcarb.cli;

import io.lowcarb.track.ImportedRun;
import io.lowcarb.track.Run;
import io.lowcarb.track.RunFilter;
import io.lowcarb.track.RunKind;
import io.lowcarb.track.RunStore;
import io.lowcarb.track.StoreException;
import io.lowcarb.track.codecarbon.CodeCarbonFile;
import io.lowcarb.track.codecarbon.CodeCarbonFormatException;
import io.lowcarb.track.codecarbon.CodeCarbonImport;
import io.lowcarb.track.codecarbon.SkippedRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lowcarb runs import FILE...}. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Bring CodeCarbon emissions.csv files (any of its versions) into the run store, with lowcarb's "
        + "energy_method and uncertainty_pct when the file has them (else the method and uncertainty are not known). A "
        + "blank cell is kept as a value missing; a row without a timestamp, or without both a duration and an energy, "
        + "is skipped and named by its line. Runs already in the store are not added again; a row whose run_id is a "
        + "UUID keeps it as its id.")
final class RunsImportCommand implements Callable<Integer> {
  /** Up to this many skipped rows get a line each; more are summed up in one. */
  private static final int LINES_PER_SKIP = 5;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "CodeCarbon emissions.csv files.")
  List<Path> files;

  @Option(names = "--timezone", paramLabel = "ZONE",
      description = "The zone of CodeCarbon's timestamps, which are local times (default: this machine's).")
  String timezone;

  @Option(names = "--strict",
      description = "Refuse a file with any row that cannot be imported, naming the first (nothing is stored).")
  boolean strict;

  @Override
  public Integer call() {
    ZoneId zone;
    try {
      zone = timezone == null ? ZoneId.systemDefault() : ZoneId.of(timezone);
    } catch (java.time.DateTimeException e) {
      throw new UsageException("--timezone: unknown zone '" + timezone + "'");
    }
    // Every file is read and checked before anything is stored, and all are stored in one
    // transaction: a bad file, or a failure while storing, stores nothing.
    List<CodeCarbonFile> read = new ArrayList<>();
    for (Path f : files) {
      read.add(read(f, zone));
    }
    PrintWriter err = spec.commandLine().getErr();
    try (RunStore s = store.open()) {
      Set<String> earlier = earlierImports(s);
      List<ImportedRun> all = read.stream().flatMap(f -> f.runs().stream()).filter(r -> !earlier.contains(r.key()))
          .toList();
      Map<String, String> added;
      try {
        added = s.importRuns(all);
      } catch (StoreException e) {
        err.println("runs import: nothing imported: " + e.getMessage());
        return 1;
      }
      Set<String> counted = new HashSet<>();
      for (CodeCarbonFile f : read) {
        report(err, f);
        List<ImportedRun> mine = f.runs().stream().filter(r -> added.containsKey(r.key()) && counted.add(r.key())).toList();
        int already = f.runs().size() - mine.size();
        err.printf("runs import: %s: %d run(s) imported%s%s%s%n", f.name(), mine.size(),
            already > 0 ? ", " + already + " already in the store" : "",
            f.skipped().isEmpty() ? "" : ", " + f.skipped().size() + " row(s) skipped",
            f.earlierRows() > 0 ? ", " + f.earlierRows() + " earlier row(s) of the same runs left out (each CodeCarbon"
                + " flush writes the totals so far: the last row of a run is the run)" : "");
        missing(mine).ifPresent(m -> err.println("runs import: " + f.name() + ": " + m));
      }
    }
    return 0;
  }

  private CodeCarbonFile read(Path f, ZoneId zone) {
    if (!Files.isRegularFile(f)) {
      throw new UsageException("no such file: " + f);
    }
    CodeCarbonFile file;
    try {
      file = CodeCarbonImport.read(f, zone);
    } catch (CodeCarbonFormatException e) {
      throw new UsageException(e.getMessage());
    } catch (IOException e) {
      throw new UsageException("cannot read " + f + ": " + e.getMessage());
    }
    if (strict && !file.skipped().isEmpty()) {
      SkippedRow first = file.skipped().getFirst();
      throw new UsageException(f + " line " + first.line() + ": " + first.reason() + " (--strict: the file is refused"
          + (file.skipped().size() > 1 ? "; " + file.skipped().size() + " rows cannot be imported" : "") + ")");
    }
    if (file.runs().isEmpty()) {
      throw new UsageException(f + ": no row can be imported: " + skipped(file.skipped()));
    }
    return file;
  }

  /** The skipped rows of {@code f}: a line each, or one line for them all when there are many. */
  private static void report(PrintWriter err, CodeCarbonFile f) {
    if (f.skipped().size() <= LINES_PER_SKIP) {
      f.skipped().forEach(r -> err.println("runs import: " + f.name() + " line " + r.line() + ": skipped: " + r.reason()));
    } else {
      err.println("runs import: " + f.name() + ": " + skipped(f.skipped()));
    }
  }

  /** {@code skipped 7 rows: line 6 (no duration or energy), ..., and 2 more}. */
  private static String skipped(List<SkippedRow> rows) {
    int shown = Math.min(rows.size(), 2 * LINES_PER_SKIP);
    return "skipped " + rows.size() + (rows.size() == 1 ? " row: " : " rows: ")
        + rows.subList(0, shown).stream().map(SkippedRow::toString).collect(Collectors.joining(", "))
        + (rows.size() > shown ? ", and " + (rows.size() - shown) + " more" : "");
  }

  /** What the runs imported lack: {@code 1 run has no CO2e, 1 no duration: shown as -, left out of sums}. */
  private static Optional<String> missing(List<ImportedRun> runs) {
    long energy = runs.stream().filter(r -> r.end().footprint().flatMap(f -> boxed(f.knownKwh())).isEmpty()).count();
    long co2 = runs.stream().filter(r -> r.end().footprint().flatMap(f -> boxed(f.knownEmissionsKg())).isEmpty()).count();
    long duration = runs.stream().filter(r -> !r.start().startKnown()).count();
    List<String> parts = new ArrayList<>();
    for (var p : List.of(Map.entry("energy", energy), Map.entry("CO2e", co2), Map.entry("duration", duration))) {
      if (p.getValue() > 0) {
        parts.add((parts.isEmpty() ? p.getValue() + (p.getValue() == 1 ? " run has" : " runs have") : p.getValue())
            + " no " + p.getKey());
      }
    }
    return parts.isEmpty() ? Optional.empty()
        : Optional.of(String.join(", ", parts) + " (blank in the file): shown as -, left out of sums");
  }

  private static Optional<Double> boxed(java.util.OptionalDouble v) {
    return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
  }

  /** The keys of runs imported before the store kept import keys: they are in the runs' parameters. */
  private static Set<String> earlierImports(RunStore s) {
    Set<String> keys = new HashSet<>();
    for (Run r : s.list(new RunFilter(Optional.of(RunKind.IMPORTED), Optional.empty(), Optional.empty(), Integer.MAX_VALUE))) {
      CodeCarbonImport.keyOfEarlierImport(r.parameters()).ifPresent(keys::add);
    }
    return keys;
  }
}
