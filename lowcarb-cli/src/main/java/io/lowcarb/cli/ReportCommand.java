package io.lowcarb.cli;

import io.lowcarb.report.Charts;
import io.lowcarb.report.ReportPage;
import io.lowcarb.report.ReportRun;
import io.lowcarb.report.RunSource;
import io.lowcarb.track.RunFilter;
import io.lowcarb.track.RunKind;
import io.lowcarb.track.RunStore;
import io.lowcarb.track.UnknownRunException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lowcarb report}: stored runs as one self-contained HTML file with charts and tables. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write stored runs as one HTML file that opens offline: power per component, cumulative energy and",
      "CO2e, accuracy against CO2e with the Pareto front, carbon intensity with a scheduled run's window,",
      "and tables saying how each figure was obtained. Without RUN: the latest runs."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Parameters(paramLabel = "RUN", arity = "0..*", description = "Run ids, or unique prefixes (see lowcarb runs list).")
  List<String> ids = new ArrayList<>();

  @Option(names = "--kind", paramLabel = "KIND", description = "Without RUN: only runs of this kind (train, measure...).")
  String kind;

  @Option(names = "--last", defaultValue = "20", paramLabel = "N", description = "Without RUN: the N latest runs (default 20).")
  int last;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The HTML file to write.")
  Path out;

  @Override
  public Integer call() {
    if (last < 1) {
      throw new UsageException("--last must be at least 1, got " + last);
    }
    if (!ids.isEmpty() && kind != null) {
      throw new UsageException("--kind chooses among the latest runs: give it or run ids, not both");
    }
    Optional<RunKind> k;
    try {
      k = kind == null ? Optional.empty() : Optional.of(RunKind.of(kind));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    List<ReportRun> runs;
    String url;
    try (RunStore s = store.open()) {
      url = s.url();
      RunSource source = RunSource.of(s);
      runs = ids.isEmpty()
          ? source.withSeries(s.list(new RunFilter(k, Optional.empty(), Optional.empty(), last)))
          : ids.stream().distinct().map(source::get).toList();
    } catch (UnknownRunException e) {
      throw new UsageException(e.getMessage());
    }
    if (runs.isEmpty()) {
      throw new UsageException("no " + k.map(x -> x.label() + " ").orElse("") + "runs to report in the run store at "
          + url + ": lowcarb measure, train, compress, infer and schedule run record them");
    }
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(out, ReportPage.file(runs, Instant.now()).html(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot write " + out + ": " + e.getMessage());
    }
    int charts = Charts.of(runs).size();
    spec.commandLine().getOut().println("report: " + runs.size() + (runs.size() == 1 ? " run" : " runs") + ", " + charts
        + (charts == 1 ? " chart" : " charts") + " -> " + out);
    return 0;
  }
}
