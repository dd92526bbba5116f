package io.lowcarb.cli;

import io.lowcarb.energy.carbon.ZoneEntry;
import io.lowcarb.energy.carbon.ZoneTable;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lowcarb zones [FILTER]}: the built-in intensity table. */
@Command(name = "zones", mixinStandardHelpOptions = true, description = "List the built-in zones with their annual grid intensity, PUE, year and source.")
final class ZonesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FILTER", description = "Show only zones whose code or name contains this text.")
  String filter;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String needle = filter == null ? "" : filter.toLowerCase(Locale.ROOT);
    int shown = 0;
    for (ZoneEntry z : ZoneTable.builtIn().entries()) {
      if (z.zone().toLowerCase(Locale.ROOT).contains(needle) || z.name().toLowerCase(Locale.ROOT).contains(needle)) {
        out.printf(Locale.ROOT, "%-28s %8.1f g/kWh  PUE %-5s %-5s %s  [%s]%n", z.zone(), z.gPerKwh(),
            z.pue().isPresent() ? String.valueOf(z.pue().getAsDouble()) : "-", z.year(), z.name(), z.source());
        shown++;
      }
    }
    if (shown == 0) {
      throw new UsageException("no zone matches '" + filter + "'");
    }
    return 0;
  }
}
