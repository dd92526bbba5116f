package io.lowcarb.energy;

import java.util.List;
import java.util.Locale;

/**
 * How an energy (or CO2e) figure was obtained, in one word, and how uncertain it is: the label
 * that travels with the number into JSON, the run store and reports.
 *
 * <p>Combining: the components of one measurement (CPU, RAM, GPU) come from different sensors,
 * whose errors are independent, so their absolute uncertainties add in quadrature
 * ({@link #of(List)}). Parts of one run measured by the same sensors (its epochs, rounds or steps)
 * share the sensors' systematic error, so their absolute uncertainties add linearly
 * ({@link #sumOfParts}); figures from independent runs or machines add in quadrature
 * ({@link #sumOfIndependent}).
 *
 * @param method how the figure was obtained
 * @param uncertaintyPct its relative uncertainty, in percent (>= 0)
 */
public record EnergyBasis(Obtained method, double uncertaintyPct) {

  /** How a figure was obtained. */
  public enum Obtained {
    /** Every part read from a sensor (RAPL, NVML). */
    MEASURED,
    /** Every part from a model (TDP x utilisation, per-GB power, a table). */
    ESTIMATED,
    /** Some parts measured, some estimated. */
    MIXED,
    /** A figure the user gave. */
    GIVEN;

    /** The lower-case word used in JSON, the store and text. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The method named by {@code label} (as {@link #label()} writes it).
     *
     * @throws IllegalArgumentException for another word
     */
    public static Obtained ofLabel(String label) {
      for (Obtained o : values()) {
        if (o.label().equals(label)) {
          return o;
        }
      }
      throw new IllegalArgumentException("energy method must be measured, estimated, mixed or given, got '" + label + "'");
    }

    /** The method of a figure made of parts obtained as {@code this} and {@code other}. */
    Obtained and(Obtained other) {
      return this == other ? this : MIXED;
    }
  }

  public EnergyBasis {
    if (method == null) {
      throw new IllegalArgumentException("an energy figure needs its method");
    }
    if (!(uncertaintyPct >= 0) || Double.isInfinite(uncertaintyPct)) {
      throw new IllegalArgumentException("uncertainty must be finite and >= 0 %, got " + uncertaintyPct);
    }
  }

  /** The method of a sensor's figure: RAPL and NVML measure, a model estimates. */
  public static Obtained of(Method method) {
    return switch (method) {
      case RAPL, NVML -> Obtained.MEASURED;
      case ESTIMATE, OVERRIDE -> Obtained.ESTIMATED;
    };
  }

  /**
   * The basis of one measurement's total: measured, estimated or mixed by its components' methods
   * (components with no energy do not count), and their uncertainties added in quadrature.
   * A measurement with no energy at all takes its components' methods all the same.
   */
  public static EnergyBasis of(List<ComponentEnergy> components) {
    if (components.isEmpty()) {
      throw new IllegalArgumentException("a measurement without components has no basis");
    }
    boolean anyEnergy = components.stream().anyMatch(c -> c.joules() > 0);
    Obtained method = null;
    double total = 0;
    double variance = 0;
    for (ComponentEnergy c : components) {
      if (anyEnergy && !(c.joules() > 0)) {
        continue;
      }
      Obtained m = of(c.method());
      method = method == null ? m : method.and(m);
      double sigma = c.joules() * c.uncertaintyPct() / 100;
      total += c.joules();
      variance += sigma * sigma;
    }
    double pct = total > 0
        ? 100 * Math.sqrt(variance) / total
        : components.stream().mapToDouble(ComponentEnergy::uncertaintyPct).max().orElse(0);
    return new EnergyBasis(method, pct);
  }

  /** The basis of a report's figure for its scope. */
  public static EnergyBasis of(EnergyReport report) {
    return of(report.components());
  }

  /** A figure and its basis, for sums. */
  public record Part(double value, EnergyBasis basis) {}

  /** The basis of a sum of parts measured by the same sensors: absolute uncertainties add linearly. */
  public static EnergyBasis sumOfParts(List<Part> parts) {
    return sum(parts, false);
  }

  /** The basis of a sum of independent figures: absolute uncertainties add in quadrature. */
  public static EnergyBasis sumOfIndependent(List<Part> parts) {
    return sum(parts, true);
  }

  private static EnergyBasis sum(List<Part> parts, boolean independent) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a sum of no figures has no basis");
    }
    Obtained method = null;
    double total = 0;
    double spread = 0;
    double widest = 0;
    for (Part p : parts) {
      method = method == null ? p.basis().method() : method.and(p.basis().method());
      double sigma = Math.abs(p.value()) * p.basis().uncertaintyPct() / 100;
      total += Math.abs(p.value());
      spread += independent ? sigma * sigma : sigma;
      widest = Math.max(widest, p.basis().uncertaintyPct());
    }
    double sigma = independent ? Math.sqrt(spread) : spread;
    return new EnergyBasis(method, total > 0 ? 100 * sigma / total : widest);
  }

  /**
   * This figure scaled or converted by a factor with its own independent relative uncertainty (an
   * intensity, a PUE): the relative uncertainties add in quadrature; the method stays.
   */
  public EnergyBasis times(double otherPct) {
    return new EnergyBasis(method, Math.hypot(uncertaintyPct, otherPct));
  }

  /** "measured +/-10 %". */
  @Override
  public String toString() {
    return method.label() + " +/-" + String.format(Locale.ROOT, uncertaintyPct < 10 ? "%.1f" : "%.0f", uncertaintyPct) + " %";
  }
}
