package io.lowcarb.cli;

import io.lowcarb.track.Run;
import io.lowcarb.track.RunStore;
import io.lowcarb.track.UnknownRunException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code lowcarb runs compare ID ID...}. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Runs side by side: energy and CO2e with their method and uncertainty, their ratio to the first run, "
        + "and every metric.")
final class RunsCompareCommand implements Callable<Integer> {
  /** A cell's width: an energy with its method and uncertainty fits, {@code 0.001199 J (3.33e-10 kWh) estimated ±40 %}. */
  private static final int WIDTH = 44;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Parameters(paramLabel = "ID", arity = "2..*", description = "Two or more run ids (or unique prefixes).")
  List<String> ids;

  @Override
  public Integer call() {
    List<Run> runs = new ArrayList<>();
    try (RunStore s = store.open()) {
      for (String id : ids) {
        runs.add(s.get(id));
      }
    } catch (UnknownRunException e) {
      throw new UsageException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    Run first = runs.getFirst();
    row(out, "", runs, Run::shortId);
    row(out, "kind", runs, r -> r.kind().label());
    row(out, "name", runs, Run::name);
    row(out, "started (UTC)", runs, RunText::started);
    row(out, "duration", runs, RunText::duration);
    row(out, "energy", runs, RunText::energyWithBasis);
    row(out, "energy vs first", runs, r -> ratio(r, first, true));
    row(out, "CO2e", runs, RunText::co2WithBasis);
    row(out, "CO2e vs first", runs, r -> ratio(r, first, false));
    row(out, "intensity g/kWh", runs, r -> r.footprint().filter(f -> f.knownIntensity().isPresent())
        .map(f -> String.format(Locale.ROOT, "%.1f", f.intensityGPerKwh())).orElse("-"));
    TreeSet<String> metrics = new TreeSet<>();
    runs.forEach(r -> metrics.addAll(r.metrics().keySet()));
    for (String m : metrics) {
      row(out, m, runs, r -> r.metrics().containsKey(m) ? RunsShowCommand.trim(r.metrics().get(m)) : "-");
    }
    return 0;
  }

  private static String ratio(Run r, Run first, boolean energy) {
    if (r.footprint().isEmpty() || first.footprint().isEmpty()) {
      return "-";
    }
    double a = energy ? r.footprint().get().kwh() : r.footprint().get().emissionsKg();
    double b = energy ? first.footprint().get().kwh() : first.footprint().get().emissionsKg();
    return b > 0 && !Double.isNaN(a) ? String.format(Locale.ROOT, "%.2fx", a / b) : "-"; // NaN: not known
  }

  private static void row(PrintWriter out, String label, List<Run> runs, Function<Run, String> cell) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-18s", label));
    for (Run r : runs) {
      String c = cell.apply(r);
      b.append("  ").append(String.format(Locale.ROOT, "%-" + WIDTH + "s",
          c.length() > WIDTH ? c.substring(0, WIDTH - 1) + "~" : c));
    }
    out.println(b.toString().stripTrailing());
  }
}
