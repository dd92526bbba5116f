package io.lowcarb.track;

import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.energy.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The energy of one component over a run.
 *
 * @param component cpu, gpu, ram, or total when a tool reports only the sum
 * @param kwh energy, in kWh
 * @param method the sensor's method as lowcarb's JSON writes it (rapl, nvml, estimate, override),
 *     or the tool it was imported from (codecarbon)
 * @param sensor what produced it, for example {@code rapl:package-0}
 * @param uncertaintyPct its relative uncertainty, in percent; NaN if not known (a run stored before
 *     lowcarb kept it, an imported row)
 */
public record EnergyFigure(String component, double kwh, String method, String sensor, double uncertaintyPct) {

  /** A figure whose uncertainty is not known. */
  public EnergyFigure(String component, double kwh, String method, String sensor) {
    this(component, kwh, method, sensor, Double.NaN);
  }

  /** Its relative uncertainty in percent, if known. */
  public OptionalDouble knownUncertaintyPct() {
    return Double.isNaN(uncertaintyPct) ? OptionalDouble.empty() : OptionalDouble.of(uncertaintyPct);
  }

  /**
   * Measured or estimated, by its method: RAPL and NVML measure, a model estimates; empty for a
   * figure of another tool, which does not say.
   */
  public Optional<EnergyBasis.Obtained> obtained() {
    return obtained(method);
  }

  /**
   * The method that {@code label} names: a sensor's (rapl, nvml, estimate, override), a figure's
   * (measured...), or several joined by {@code +} (a sum of steps).
   */
  static Optional<EnergyBasis.Obtained> obtained(String label) {
    String l = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
    if (l.contains("+")) {
      List<EnergyBasis.Obtained> parts = new ArrayList<>();
      for (String part : l.split("\\+")) {
        Optional<EnergyBasis.Obtained> o = obtained(part);
        if (o.isEmpty()) {
          return Optional.empty();
        }
        parts.add(o.get());
      }
      return Footprint.combined(parts);
    }
    for (Method m : Method.values()) {
      if (m.label().equals(l)) {
        return Optional.of(EnergyBasis.of(m));
      }
    }
    for (EnergyBasis.Obtained o : EnergyBasis.Obtained.values()) {
      if (o.label().equals(l)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
