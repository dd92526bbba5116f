package io.lowcarb.report;

import io.lowcarb.track.Point;
import io.lowcarb.track.Run;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A run with its series, as the report draws it.
 *
 * @param run the stored run
 * @param series its series by name ({@code power_w.cpu}, {@code energy_kwh}, {@code accuracy}...),
 *     each ordered by x
 */
public record ReportRun(Run run, Map<String, List<Point>> series) {
  /** Power per component: W over seconds since the start. */
  public static final String POWER_PREFIX = "power_w.";
  /** Cumulative energy, in kWh, over seconds since the start. */
  public static final String ENERGY = "energy_kwh";
  /** Cumulative emissions, in kgCO2e, over seconds since the start. */
  public static final String EMISSIONS = "emissions_kg";
  /** Carbon intensity, in gCO2e/kWh, over unix time in seconds. */
  public static final String INTENSITY = "intensity_g_per_kwh";
  /** The metric on the accuracy-against-CO2e chart (in the run's metrics). */
  public static final String ACCURACY = "accuracy";

  public ReportRun {
    series = Map.copyOf(series);
  }

  /** The series named {@code name}, or an empty list. */
  public List<Point> get(String name) {
    return series.getOrDefault(name, List.of());
  }

  /** The power series by component name (cpu, gpu, ram), in a stable order. */
  public Map<String, List<Point>> power() {
    java.util.TreeMap<String, List<Point>> power = new java.util.TreeMap<>();
    series.forEach((name, points) -> {
      if (name.startsWith(POWER_PREFIX) && !points.isEmpty()) {
        power.put(name.substring(POWER_PREFIX.length()), points);
      }
    });
    return power;
  }

  /** The relative uncertainty of its energy and CO2e, in percent, if known. */
  public OptionalDouble uncertaintyPct() {
    return run.footprint().map(f -> f.knownUncertaintyPct()).orElse(OptionalDouble.empty());
  }

  /** Its accuracy, if it has one. */
  public OptionalDouble accuracy() {
    Double a = run.metrics().get(ACCURACY);
    return a == null ? OptionalDouble.empty() : OptionalDouble.of(a);
  }

  /** A scheduled run's planned window, from its parameters {@code window_start} and {@code window_end}. */
  public Optional<Window> window() {
    String from = run.parameters().get("window_start");
    String to = run.parameters().get("window_end");
    if (from == null || to == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Window(Instant.parse(from.trim()), Instant.parse(to.trim())));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // a window the report cannot place is not shaded
    }
  }

  /**
   * A planned window.
   *
   * @param start when it opens
   * @param end when it closes
   */
  public record Window(Instant start, Instant end) {}
}
