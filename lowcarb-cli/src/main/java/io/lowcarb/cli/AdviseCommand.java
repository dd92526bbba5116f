package io.lowcarb.cli;

import io.lowcarb.advise.Advice;
import io.lowcarb.advise.Advisor;
import io.lowcarb.advise.FlopCount;
import io.lowcarb.advise.MeasuredRun;
import io.lowcarb.advise.Rank;
import io.lowcarb.advise.Ranking;
import io.lowcarb.advise.Workload;
import io.lowcarb.advise.hardware.Hardware;
import io.lowcarb.advise.hardware.HardwareCatalog;
import io.lowcarb.advise.hardware.Precision;
import io.lowcarb.advise.region.Region;
import io.lowcarb.advise.region.RegionCatalog;
import io.lowcarb.energy.proc.ProcFs;
import io.lowcarb.energy.report.AtomicFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lowcarb advise}: the same work on other hardware and in other regions, ranked. */
@Command(name = "advise", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Estimate the time, energy and CO2e of a run (measured, estimated or given; or of a FLOP count) on other hardware and in "
        + "other regions, with the assumptions and an uncertainty, and rank the options.",
        "Hardware: instance types (aws:p4d.24xlarge), devices (T4, 4xA100-SXM4-80GB, EPYC-7763) or globs (aws:*); "
        + "regions: zones or globs (aws:*, gcp:europe-*, ES). --list hardware|regions shows the tables."})
final class AdviseCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--run", paramLabel = "ID", description = "A run from the run store (its id or a unique prefix).")
  String run;

  @Mixin StoreOption storeOption;

  @Option(names = "--train-json", paramLabel = "FILE", description = "A run: the JSON that lowcarb train --json wrote, with its energy_method and uncertainty_pct.")
  Path trainJson;

  @Option(names = "--energy-kwh", paramLabel = "E", description = "A run's energy as you know it, in kWh (with --hours); "
      + "its method is 'given'.")
  Double energyKwh;

  @Option(names = "--energy-uncertainty", paramLabel = "PCT", description = "With --energy-kwh: that figure's relative "
      + "uncertainty, in percent (default 50: a figure typed in says nothing of how it was obtained).")
  Double energyUncertainty;

  @Option(names = "--hours", paramLabel = "H", description = "A run's duration, in hours (with --energy-kwh).")
  Double hours;

  @Option(names = "--flops", paramLabel = "F", description = "The work as a count of floating-point operations.")
  Double flops;

  @Option(names = "--peak-fraction", paramLabel = "F", description = "With --flops: the share of peak reached (default 0.3).")
  Double peakFraction;

  @Option(names = "--on", paramLabel = "HARDWARE", description = "What the run ran on (default: this machine's CPUs).")
  String ranOn;

  @Option(names = "--utilisation", paramLabel = "U", description = "The share of that hardware the run kept busy, 0..1 (default 1).")
  Double utilisation;

  @Option(names = "--ran-in", paramLabel = "ZONE", description = "Where the run ran (default: the zone in --train-json or of --run).")
  String ranIn;

  @Option(names = "--hardware", split = ",", paramLabel = "LIST", description = "Candidate hardware (default: every instance type).")
  List<String> hardware;

  @Option(names = "--regions", split = ",", paramLabel = "LIST", description = "Candidate regions (default: aws:*,gcp:*,azure:*).")
  List<String> regions = List.of("aws:*", "gcp:*", "azure:*");

  @Option(names = "--rank", defaultValue = "co2", paramLabel = "co2|time|cost", description = "Order (default co2).")
  String rank;

  @Option(names = "--weight", defaultValue = "0.5", paramLabel = "W", description = "With --rank cost: the weight on CO2e, 0..1; the rest is on time (default 0.5).")
  double weight;

  @Option(names = "--precision", defaultValue = "fp32", paramLabel = "fp32|fp16|int8", description = "The arithmetic whose peak throughput scales time (default fp32).")
  String precision;

  @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "Options to print (default 10; the JSON has all).")
  int top;

  @Mixin ScheduleSource intensitySeries;

  @Option(names = "--deadline", converter = Times.class, paramLabel = "TIME",
      description = "With --series or --source: the best region now, and the greenest window before TIME (ISO-8601) "
          + "for the best option whose region has a series.")
  java.time.Instant deadline;

  @Option(names = "--json", paramLabel = "FILE", description = "Write every option as JSON.")
  Path json;

  @Option(names = "--list", paramLabel = "hardware|regions", description = "Print a built-in table and exit.")
  String list;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    HardwareCatalog catalog = HardwareCatalog.builtIn();
    RegionCatalog places = RegionCatalog.builtIn();
    if (list != null) {
      AdviseTables.print(out, list, catalog, places);
      return 0;
    }
    Rank by = choice(Rank.class, rank, "--rank", "co2, time or cost");
    Precision arithmetic = choice(Precision.class, precision, "--precision", "fp32, fp16 or int8");
    if (!(weight >= 0 && weight <= 1)) {
      throw new UsageException("--weight must be between 0 and 1, got " + weight);
    }
    if (top < 1) {
      throw new UsageException("--top must be at least 1");
    }
    if (intensitySeries.given() != (deadline != null)) {
      throw new UsageException("--deadline and --series (or --zone with --source) go together");
    }
    Workload work = workload(catalog, places);
    List<Hardware> candidates;
    List<Region> chosen;
    try {
      candidates = hardware == null ? List.copyOf(catalog.instances().instances()) : catalog.select(hardware);
      chosen = places.select(regions);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Advice advice = new Advisor(arithmetic).advise(work, candidates, chosen);
    List<io.lowcarb.advise.Option> ranked = Ranking.rank(advice.options(), by, weight);
    if (ranked.isEmpty()) {
      throw new UsageException("no hardware fits the regions asked (an instance type only goes in its provider's regions)");
    }
    Optional<AdviseWindow.Result> window = Optional.empty();
    if (deadline != null) {
      java.time.Instant now = java.time.Instant.now();
      window = Optional.of(AdviseWindow.find(ranked, intensitySeries.zones(now, deadline), now, deadline));
    }
    AdviseReport.print(out, work, ranked, advice.notes(), by, weight, top);
    window.ifPresent(w -> AdviseReport.printWindow(out, w));
    if (json != null) {
      Optional<AdviseWindow.Result> found = window;
      AtomicFile.write(json, o -> AdviseReport.writeJson(o, work, ranked, advice.notes(), by, weight, arithmetic, found));
    }
    return 0;
  }

  private Workload workload(HardwareCatalog catalog, RegionCatalog places) {
    boolean given = energyKwh != null || hours != null;
    int sources = (run != null ? 1 : 0) + (trainJson != null ? 1 : 0) + (given ? 1 : 0) + (flops != null ? 1 : 0);
    if (sources != 1) {
      throw new UsageException("give one of --run ID, --train-json FILE, --energy-kwh E --hours H, or --flops F");
    }
    if (given && (energyKwh == null || hours == null)) {
      throw new UsageException("--energy-kwh and --hours go together");
    }
    if (energyUncertainty != null && energyKwh == null) {
      throw new UsageException("--energy-uncertainty goes with --energy-kwh; other inputs state their own");
    }
    if (flops != null) {
      if (ranOn != null || utilisation != null || ranIn != null) {
        throw new UsageException("--on, --utilisation and --ran-in describe a run, not --flops");
      }
      return guard(() -> new FlopCount(flops, peakFraction != null ? peakFraction : FlopCount.DEFAULT_PEAK_FRACTION));
    }
    if (peakFraction != null) {
      throw new UsageException("--peak-fraction goes with --flops; a run's share of peak cancels out");
    }
    Hardware source = ranOn == null
        ? AdviseInput.thisMachine(catalog, ProcFs.system())
        : guard(() -> single(catalog.select(List.of(ranOn)), "--on"));
    double use = utilisation != null ? utilisation : 1.0;
    Optional<Region> where = Optional.ofNullable(ranIn).map(z -> region(places, z));
    if (run != null) {
      return guard(() -> AdviseInput.fromRun(storedRun(), source, use, where, z -> region(places, z)));
    }
    if (trainJson != null) {
      return guard(() -> AdviseInput.fromTrainJson(trainJson, source, use, where, z -> region(places, z)));
    }
    AdviseBasis.Found typed = AdviseBasis.given(energyUncertainty);
    return guard(() -> new MeasuredRun("--energy-kwh " + energyKwh + " --hours " + hours, energyKwh, typed.basis(),
        typed.source(), hours, source, use, where));
  }

  private io.lowcarb.track.Run storedRun() {
    try (io.lowcarb.track.RunStore store = storeOption.open()) {
      return store.get(run);
    } catch (io.lowcarb.track.UnknownRunException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static Region region(RegionCatalog places, String zone) {
    return guard(() -> single(places.select(List.of(zone)), "the zone " + zone));
  }

  private static <T> T single(List<T> found, String what) {
    if (found.size() != 1) {
      throw new UsageException(what + " must name one, not a pattern matching " + found.size());
    }
    return found.getFirst();
  }

  /** Runs {@code body}; a library's refusal of the input becomes a usage error. */
  private static <T> T guard(java.util.function.Supplier<T> body) {
    try {
      return body.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String text, String option, String allowed) {
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + " must be " + allowed + ", got '" + text + "'");
    }
  }
}
