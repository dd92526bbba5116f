package io.lowcarb.track;

import io.lowcarb.energy.EnergyBasis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The footprint of a run made of steps (a pipeline's training and compression): the sum of its
 * steps'. The steps ran on one machine with one set of sensors, which share their systematic error,
 * so their absolute uncertainties add linearly ({@link EnergyBasis#sumOfParts}). A figure not known
 * in one step is not known in the sum.
 */
public final class StepFootprints {
  private StepFootprints() {}

  /** The sum of {@code steps}, or empty when there are none. */
  public static Optional<Footprint> sum(List<Footprint> steps) {
    if (steps.isEmpty()) {
      return Optional.empty();
    }
    double kwh = 0;
    double kg = 0;
    double pueWeighted = 0;
    List<EnergyBasis.Part> parts = new ArrayList<>();
    boolean basisKnown = true;
    Set<String> zones = new LinkedHashSet<>();
    Set<String> sources = new LinkedHashSet<>();
    Set<String> kinds = new LinkedHashSet<>();
    for (Footprint f : steps) {
      kwh += f.kwh();
      kg += f.emissionsKg();
      pueWeighted += f.kwh() * f.pue();
      zones.add(f.zone());
      sources.add(f.intensitySource());
      kinds.add(f.intensityKind());
      basisKnown &= f.basis().isPresent();
      f.basis().ifPresent(b -> parts.add(new EnergyBasis.Part(f.kwh(), b)));
    }
    double pue = kwh > 0 ? pueWeighted / kwh : steps.getFirst().pue();
    double intensity = kwh > 0 ? kg * 1000 / (kwh * pue) : Double.NaN;
    Optional<EnergyBasis.Obtained> method = steps.stream().allMatch(f -> f.method().isPresent())
        ? Footprint.combined(steps.stream().map(f -> f.method().get()).toList())
        : Optional.empty();
    double pct = basisKnown && !Double.isNaN(kwh) ? EnergyBasis.sumOfParts(parts).uncertaintyPct() : Double.NaN;
    return Optional.of(new Footprint(components(steps), kwh, kg, intensity, String.join(",", zones),
        String.join("; ", sources), String.join(",", kinds), Double.isNaN(pue) ? 1 : pue, method, pct));
  }

  /** The steps' components, by name: energies summed, uncertainties added linearly. */
  private static List<EnergyFigure> components(List<Footprint> steps) {
    Map<String, List<EnergyFigure>> byName = new LinkedHashMap<>();
    for (Footprint f : steps) {
      for (EnergyFigure e : f.energy()) {
        byName.computeIfAbsent(e.component(), k -> new ArrayList<>()).add(e);
      }
    }
    List<EnergyFigure> out = new ArrayList<>();
    byName.forEach((name, figures) -> {
      double kwh = figures.stream().mapToDouble(EnergyFigure::kwh).sum();
      double sigma = figures.stream().mapToDouble(e -> e.kwh() * e.uncertaintyPct() / 100).sum(); // NaN if one is
      Set<String> methods = new LinkedHashSet<>();
      Set<String> sensors = new LinkedHashSet<>();
      figures.forEach(e -> {
        methods.add(e.method());
        sensors.add(e.sensor());
      });
      double pct = kwh > 0 ? 100 * sigma / kwh
          : figures.stream().mapToDouble(EnergyFigure::uncertaintyPct).max().orElse(Double.NaN);
      out.add(new EnergyFigure(name, kwh, String.join("+", methods), String.join("+", sensors), pct));
    });
    return out;
  }
}
