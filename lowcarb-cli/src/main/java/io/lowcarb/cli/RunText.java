package io.lowcarb.cli;

import io.lowcarb.track.EnergyFigure;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.Run;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** How runs read in the terminal. */
final class RunText {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private RunText() {}

  static String started(Run r) {
    return TIME.format(r.start());
  }

  static String duration(Run r) {
    return r.duration().map(Durations::text).orElse("running");
  }

  static String energy(Run r) {
    return r.footprint().map(f -> Summary.energy(f.kwh() * 3.6e6)).orElse("-");
  }

  static String co2(Run r) {
    return r.footprint().map(f -> Summary.grams(f.emissionsKg() * 1000)).orElse("-");
  }

  static String main(Run r) {
    return r.main().isPresent() ? String.format(Locale.ROOT, "%s %.4f", r.mainMetric(), r.main().getAsDouble()) : "-";
  }

  static String status(Run r) {
    return r.status().name().toLowerCase(Locale.ROOT);
  }

  /** {@code cpu 5.1 J (rapl), ram 0.4 J (estimate)}. */
  static String components(Footprint f) {
    return f.energy().stream()
        .map(e -> e.component() + " " + Summary.energy(e.kwh() * 3.6e6) + " (" + e.method() + ")")
        .collect(Collectors.joining(", "));
  }

  static String methods(Footprint f) {
    return f.energy().stream().map(EnergyFigure::method).distinct().collect(Collectors.joining("+"));
  }

  static String intensity(Footprint f) {
    return String.format(Locale.ROOT, "%.1f gCO2e/kWh, %s %s, %s", f.intensityGPerKwh(), f.zone(), f.intensityKind(),
        f.intensitySource());
  }
}
