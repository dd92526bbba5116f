package io.lowcarb.cli;

import io.lowcarb.track.Run;
import io.lowcarb.track.RunStore;
import io.lowcarb.track.RunTotals;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lowcarb runs list}. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List runs, newest first, by the first 12 characters of their id, with their energy and CO2e, how "
        + "these were obtained and how uncertain they are (METHOD ±), their main metric, and their total; a figure not "
        + "known reads - and is left out of the total, which says so, as does a run recorded under one listed.")
final class RunsListCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Mixin RunSelection selection;

  @Override
  public Integer call() {
    List<Run> runs;
    try (RunStore s = store.open()) {
      runs = s.list(selection.filter());
      if (runs.isEmpty()) {
        spec.commandLine().getErr().println("runs list: no runs in the run store at " + s.url());
        return 0;
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    String format = "%-12s  %-9s  %-19s  %-8s  %10s  %10s  %-15s  %-17s  %s%n";
    out.printf(format, "ID", "KIND", "STARTED (UTC)", "STATUS", "ENERGY", "CO2E", "METHOD ±", "MAIN METRIC", "NAME");
    for (Run r : runs) {
      out.printf(format, r.shortId(), r.kind().label(), RunText.started(r), RunText.status(r), RunText.energy(r),
          RunText.co2(r), RunText.basis(r), RunText.main(r), r.name() + r.parentId().map(p -> " (under "
              + p.substring(0, Math.min(p.length(), Run.SHORT_ID)) + ")").orElse(""));
    }
    RunText.totals(RunTotals.of(runs)).forEach(out::println);
    return 0;
  }
}
