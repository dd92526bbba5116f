package io.lowcarb.cli;

import io.lowcarb.track.BasisText;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.Run;
import io.lowcarb.track.RunTotals;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;

/**
 * How runs read in the terminal. A figure that is not known reads "-", never 0; an energy or CO2e
 * figure goes with its method and uncertainty ({@code 12.3 J estimated ±30 %}).
 */
final class RunText {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private RunText() {}

  static String started(Run r) {
    return r.knownStart().map(TIME::format).orElse("-");
  }

  static String ended(Run r) {
    return r.end().map(TIME::format).orElse("-");
  }

  static String duration(Run r) {
    return r.duration().map(Durations::text).orElse(r.end().isEmpty() ? "running" : "-");
  }

  static String energy(Run r) {
    return known(r.footprint().map(Footprint::knownKwh), kwh -> Summary.energy(kwh * 3.6e6));
  }

  static String co2(Run r) {
    return known(r.footprint().map(Footprint::knownEmissionsKg), kg -> Summary.grams(kg * 1000));
  }

  /** How its figures were obtained: {@code estimated ±30 %}; "-" when it has none. */
  static String basis(Run r) {
    return r.footprint().map(BasisText::of).orElse("-");
  }

  /** {@code 12.3 J estimated ±30 %}, or "-". */
  static String energyWithBasis(Run r) {
    return withBasis(energy(r), r);
  }

  /** {@code 1.2 mg estimated ±30 %}, or "-": the CO2e carries the energy's uncertainty. */
  static String co2WithBasis(Run r) {
    return withBasis(co2(r), r);
  }

  private static String withBasis(String figure, Run r) {
    return figure.equals("-") ? figure : figure + " " + basis(r);
  }

  private static String known(java.util.Optional<OptionalDouble> value, DoubleFunction<String> text) {
    OptionalDouble v = value.orElse(OptionalDouble.empty());
    return v.isPresent() ? text.apply(v.getAsDouble()) : "-";
  }

  static String main(Run r) {
    return r.main().isPresent() ? String.format(Locale.ROOT, "%s %.4f", r.mainMetric(), r.main().getAsDouble()) : "-";
  }

  static String status(Run r) {
    return r.status().name().toLowerCase(Locale.ROOT);
  }

  /** {@code cpu 5.1 J (rapl ±10 %), ram 0.4 J (estimate ±40 %)}. */
  static String components(Footprint f) {
    return f.energy().stream()
        .map(e -> e.component() + " " + Summary.energy(e.kwh() * 3.6e6) + " (" + BasisText.of(e) + ")")
        .collect(Collectors.joining(", "));
  }

  static String intensity(Footprint f) {
    OptionalDouble g = f.knownIntensity();
    return (g.isPresent() ? String.format(Locale.ROOT, "%.1f gCO2e/kWh", g.getAsDouble()) : "-") + ", " + f.zone()
        + " " + f.intensityKind() + ", " + f.intensitySource();
  }

  /**
   * The sum of {@code t}'s energy and emissions, then one line for each figure some runs lack:
   * {@code 2 runs have no energy; left out of the sum}.
   */
  static List<String> totals(RunTotals t) {
    List<String> lines = new ArrayList<>();
    String method = t.method().map(m -> m.label()).orElse("-");
    lines.add("total: " + (t.noEnergy() ? "-" : Summary.energy(t.kwh() * 3.6e6) + " " + method + " "
        + BasisText.plusMinus(t.energyUncertaintyPct())) + ", "
        + (t.noEmissions() ? "-" : Summary.grams(t.emissionsKg() * 1000) + " CO2e " + method + " "
        + BasisText.plusMinus(t.emissionsUncertaintyPct())) + " over " + runs(t.runs()));
    if (t.inParent() > 0) {
      lines.add(runs(t.inParent()) + (t.inParent() == 1 ? " was" : " were")
          + " recorded under a run listed here: counted in its figures, not added again");
    }
    if (t.withoutEnergy() > 0) {
      lines.add(runs(t.withoutEnergy()) + (t.withoutEnergy() == 1 ? " has" : " have") + " no energy; left out of the sum");
    }
    if (t.withoutEmissions() > 0) {
      lines.add(runs(t.withoutEmissions()) + (t.withoutEmissions() == 1 ? " has" : " have")
          + " no CO2e; left out of the sum");
    }
    return lines;
  }

  private static String runs(int n) {
    return n + (n == 1 ? " run" : " runs");
  }
}
