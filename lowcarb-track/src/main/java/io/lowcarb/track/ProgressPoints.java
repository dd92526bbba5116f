package io.lowcarb.track;

import io.lowcarb.energy.ComponentEnergy;
import io.lowcarb.energy.EnergyReport;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a running task's successive reports into series points: mean power per component over
 * each interval ({@code power_w.cpu}, ...; W) and cumulative {@code energy_kwh} and
 * {@code emissions_kg}, with x the seconds since the task started. Not thread-safe.
 */
public final class ProgressPoints {
  private final Map<String, Double> lastJoules = new HashMap<>();
  private double lastSeconds;

  /** The points that {@code cumulative}, a report of the task so far, adds. */
  public Map<String, List<Point>> next(EnergyReport cumulative) {
    double t = cumulative.seconds();
    Map<String, List<Point>> out = new LinkedHashMap<>();
    double dt = t - lastSeconds;
    if (dt <= 0) {
      return out;
    }
    for (ComponentEnergy c : cumulative.components()) {
      String name = c.component().name().toLowerCase(Locale.ROOT);
      double before = lastJoules.getOrDefault(name, 0.0);
      out.put("power_w." + name, List.of(new Point(t, Math.max(0, c.joules() - before) / dt)));
      lastJoules.put(name, c.joules());
    }
    out.put("energy_kwh", List.of(new Point(t, cumulative.kwh())));
    out.put("emissions_kg", List.of(new Point(t, cumulative.emissionsKg())));
    lastSeconds = t;
    return out;
  }
}
