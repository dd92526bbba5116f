package io.lowcarb.cli;

import io.lowcarb.track.Run;
import io.lowcarb.track.RunFilter;
import io.lowcarb.track.RunKind;
import io.lowcarb.track.RunStore;
import io.lowcarb.track.codecarbon.CodeCarbonFormatException;
import io.lowcarb.track.codecarbon.CodeCarbonImport;
import io.lowcarb.track.codecarbon.ImportedRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lowcarb runs import FILE...}. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Bring CodeCarbon emissions.csv files (any of its versions) into the run store; rows already imported are skipped.")
final class RunsImportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "CodeCarbon emissions.csv files.")
  List<Path> files;

  @Option(names = "--timezone", paramLabel = "ZONE",
      description = "The zone of CodeCarbon's timestamps, which are local times (default: this machine's).")
  String timezone;

  @Override
  public Integer call() throws IOException {
    ZoneId zone;
    try {
      zone = timezone == null ? ZoneId.systemDefault() : ZoneId.of(timezone);
    } catch (java.time.DateTimeException e) {
      throw new UsageException("--timezone: unknown zone '" + timezone + "'");
    }
    // Every file is read and checked before anything is stored: a bad file stores nothing.
    List<List<ImportedRun>> read = new ArrayList<>();
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new UsageException("no such file: " + f);
      }
      try {
        read.add(CodeCarbonImport.read(f, zone));
      } catch (CodeCarbonFormatException e) {
        throw new UsageException(e.getMessage());
      } catch (NoSuchFileException e) {
        throw new UsageException("no such file: " + f);
      }
    }
    try (RunStore s = store.open()) {
      Set<String> known = new HashSet<>();
      for (Run r : s.list(new RunFilter(Optional.of(RunKind.IMPORTED), Optional.empty(), Optional.empty(), Integer.MAX_VALUE))) {
        Optional.ofNullable(r.parameters().get(CodeCarbonImport.KEY)).ifPresent(known::add);
      }
      for (int i = 0; i < files.size(); i++) {
        int added = 0;
        int already = 0;
        for (ImportedRun r : read.get(i)) {
          if (!known.add(r.key())) {
            already++;
            continue;
          }
          s.insert(r.start(), r.end(), Map.of());
          added++;
        }
        spec.commandLine().getErr().printf("runs import: %s: %d run(s) imported%s%n", files.get(i), added,
            already > 0 ? ", " + already + " already in the store" : "");
      }
    }
    return 0;
  }
}
