package io.lowcarb.cli;

import io.lowcarb.track.Artifact;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.Point;
import io.lowcarb.track.Run;
import io.lowcarb.track.RunStore;
import io.lowcarb.track.Sci;
import io.lowcarb.track.UnknownRunException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lowcarb runs show ID}. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "One run: its command, machine, energy and CO2e with their method and uncertainty (and each "
        + "component's), intensity with its source, metrics, series, files, the run it was recorded under and those "
        + "recorded under it, and its Software Carbon Intensity when it has a functional unit.")
final class RunsShowCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Parameters(paramLabel = "ID", description = "The run's id, or a unique prefix of it (a UUID's dashes optional).")
  String id;

  @Option(names = "--embodied-kg", paramLabel = "KG",
      description = "The machine's embodied emissions (manufacture and disposal), in kgCO2e, for the SCI's M.")
  Double embodiedKg;

  @Option(names = "--lifetime-years", defaultValue = "4", paramLabel = "YEARS",
      description = "The machine's expected lifetime for the SCI's M (default 4).")
  double lifetimeYears;

  @Option(names = "--share", defaultValue = "1", paramLabel = "0..1",
      description = "The share of the machine the run reserved, for the SCI's M (default 1).")
  double share;

  @Override
  public Integer call() {
    Optional<Sci.Embodied> embodied;
    try {
      embodied = embodiedKg == null ? Optional.empty()
          : Optional.of(new Sci.Embodied(embodiedKg, lifetimeYears, share, "given: " + embodiedKg + " kgCO2e over "
              + lifetimeYears + " years, share " + share));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Run r;
    Map<String, List<Point>> series;
    List<Run> children;
    try (RunStore s = store.open()) {
      r = s.get(id);
      series = s.series(r.id());
      children = s.children(r.id());
    } catch (UnknownRunException e) {
      throw new UsageException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("run %s (%s, %s)%n", r.id(), r.kind().label(), RunText.status(r));
    r.parentId().ifPresent(p -> line(out, "parent run", p));
    line(out, "name", r.name());
    line(out, "command", r.command());
    line(out, "started", r.startKnown() ? RunText.started(r) + " UTC" : "-");
    r.end().ifPresent(e -> line(out, "ended", RunText.ended(r) + " UTC"));
    line(out, "duration", RunText.duration(r));
    r.exitCode().ifPresent(c -> line(out, "exit status", Integer.toString(c)));
    if (!r.message().isEmpty()) {
      line(out, "message", r.message());
    }
    line(out, "machine", r.machine().host() + ": " + r.machine().cpuModel() + ", " + r.machine().cpus() + " CPUs, "
        + String.format(Locale.ROOT, "%.1f GB", r.machine().ramBytes() / 1e9)
        + (r.machine().gpus().isEmpty() ? "" : ", " + String.join(", ", r.machine().gpus())) + ", " + r.machine().os());
    if (r.footprint().isPresent()) {
      Footprint f = r.footprint().get();
      line(out, "energy", RunText.energyWithBasis(r) + (f.energy().isEmpty() ? "" : ": " + RunText.components(f)));
      line(out, "intensity", RunText.intensity(f));
      line(out, "pue", String.format(Locale.ROOT, "%.2f", f.pue()));
      line(out, "emissions", f.knownEmissionsKg().isPresent()
          ? RunText.co2(r) + " CO2e " + RunText.basis(r) + " (the energy's; intensity and PUE taken as exact)" : "-");
    } else {
      line(out, "energy", "- (not measured" + (r.status() == io.lowcarb.track.RunStatus.RUNNING ? " yet)" : ")"));
      line(out, "emissions", "-");
    }
    Sci.of(r, embodied).ifPresent(sci -> line(out, "SCI", String.format(Locale.ROOT,
        "%s per %s (E x I %s %s + M %s over %s units; embodied: %s)", Summary.grams(sci.gramsPerUnit()), sci.unit(),
        Summary.grams(sci.operationalGrams()), RunText.basis(r), Summary.grams(sci.embodiedGrams()),
        trim(sci.units()), sci.embodiedSource())));
    new TreeMap<>(r.metrics()).forEach((k, v) -> line(out, "metric " + k, trim(v)));
    new TreeMap<>(r.parameters()).forEach((k, v) -> line(out, "param " + k, v));
    series.forEach((k, v) -> line(out, "series " + k, v.size() + " points, last " + trim(v.getLast().y())
        + " at " + trim(v.getLast().x())));
    for (Artifact a : r.artifacts()) {
      line(out, "file " + a.name(), a.path());
    }
    for (Run c : children) {
      line(out, "run under it", c.id() + " (" + c.kind().label() + ", " + RunText.status(c) + "): "
          + RunText.energyWithBasis(c));
    }
    return 0;
  }

  private static void line(PrintWriter out, String key, String value) {
    out.printf("  %-22s %s%n", key, value);
  }

  static String trim(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v);
  }
}
