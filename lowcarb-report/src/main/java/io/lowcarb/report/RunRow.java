package io.lowcarb.report;

import io.lowcarb.track.BasisText;
import io.lowcarb.track.EnergyFigure;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.FunctionalUnit;
import io.lowcarb.track.Run;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One row of the runs table, as text: each energy and CO2e figure with how it was obtained and
 * its combined uncertainty ({@code 0.0123 kWh measured ±10 %}); what is not known reads "-".
 *
 * @param id the run's id
 * @param kind what made it
 * @param name its name
 * @param status running, finished or failed, with why it failed
 * @param start when it started, UTC, or "-" when not known
 * @param duration how long it ran, "running", or "-" when not known
 * @param energy energy in kWh with its method and ±, then each component's, "not measured", or "-"
 *     when not known
 * @param emissions emissions in gCO2e with their method and ± (the energy's), "not measured", or "-"
 *     when not known
 * @param intensity the intensity used in gCO2e/kWh, with zone, source and kind
 * @param mainMetric its main metric and value, or empty
 * @param sci the Software Carbon Intensity per functional unit, or empty
 */
public record RunRow(
    String id,
    String kind,
    String name,
    String status,
    String start,
    String duration,
    String energy,
    String emissions,
    String intensity,
    String mainMetric,
    String sci) {
  static final String NOT_MEASURED = "not measured";
  /** A figure of a measured run that is not known: a blank cell of an imported CodeCarbon row. */
  static final String NOT_KNOWN = "-";

  /** The row of {@code run}. */
  public static RunRow of(Run run) {
    Optional<Footprint> f = run.footprint();
    return new RunRow(
        run.id(),
        run.kind().label(),
        run.name(),
        run.status().name().toLowerCase(java.util.Locale.ROOT) + (run.message().isBlank() ? "" : ": " + run.message()),
        run.knownStart().map(Figures::time).orElse(NOT_KNOWN),
        run.duration().map(Figures::duration).orElse(run.end().isEmpty() ? "running" : NOT_KNOWN),
        f.map(RunRow::energy).orElse(NOT_MEASURED),
        f.map(p -> p.knownEmissionsKg().isPresent()
                ? Figures.number(p.emissionsKg() * 1000) + " g " + BasisText.of(p) : NOT_KNOWN)
            .orElse(NOT_MEASURED),
        f.map(RunRow::intensity).orElse(""),
        run.main().isPresent() ? run.mainMetric() + " " + Figures.number(run.main().getAsDouble()) : "",
        f.filter(p -> p.knownEmissionsKg().isPresent()).flatMap(p -> run.unit().map(u -> sci(p, u))).orElse(""));
  }

  private static String energy(Footprint f) {
    String methods = f.energy().stream()
        .map(e -> e.component() + " " + BasisText.of(e))
        .collect(Collectors.joining(", "));
    return (f.knownKwh().isPresent() ? Figures.number(f.kwh()) + " kWh " + BasisText.of(f) : NOT_KNOWN)
        + (methods.isEmpty() ? "" : " (" + methods + ")");
  }

  /** The intensity used, with zone, source, kind and PUE. */
  static String intensity(Footprint f) {
    return (f.knownIntensity().isPresent() ? Figures.number(f.intensityGPerKwh()) + " g/kWh " : NOT_KNOWN + " ")
        + f.zone() + ", " + f.intensitySource()
        + " (" + f.intensityKind() + (f.pue() != 1 ? ", PUE " + Figures.number(f.pue()) : "") + ")";
  }

  /**
   * SCI = (E x I + M) / R: operational emissions per unit. The store holds no embodied emissions
   * (M), so the figure says it is operational only.
   */
  static String sci(Footprint f, FunctionalUnit unit) {
    return Figures.number(f.emissionsKg() * 1000 / unit.count()) + " g " + BasisText.plusMinus(f.uncertaintyPct())
        + " per " + unit.name() + " (operational only)";
  }

  /** How one component's energy was obtained, for the energy table. */
  static String how(EnergyFigure e) {
    return e.method() + (e.sensor().isBlank() ? "" : " (" + e.sensor() + ")");
  }
}
