package io.lowcarb.track;

import java.time.Duration;
import java.util.Optional;

/**
 * The Green Software Foundation's Software Carbon Intensity of a run: SCI = (E x I + M) / R, in
 * gCO2e per functional unit. E x I is the run's operational emissions (energy times intensity,
 * PUE included); M the share of the hardware's embodied emissions that the run reserved,
 * M = TE x (TiR / EL) x (RR / ToR); R the functional units it delivered.
 *
 * @param operationalGrams E x I, in gCO2e
 * @param embodiedGrams M, in gCO2e; 0 when the hardware's embodied emissions are unknown
 * @param units R
 * @param unit what one functional unit is
 * @param embodiedSource where M comes from, or "unknown: operational only"
 */
public record Sci(double operationalGrams, double embodiedGrams, double units, String unit, String embodiedSource) {

  /** gCO2e per functional unit. */
  public double gramsPerUnit() {
    return (operationalGrams + embodiedGrams) / units;
  }

  /** Whether M is included. */
  public boolean includesEmbodied() {
    return embodiedGrams > 0;
  }

  /**
   * The SCI of {@code run}, if it has a footprint with its emissions, a functional unit and a duration.
   *
   * @param embodied the hardware it ran on, if its embodied emissions are known
   */
  public static Optional<Sci> of(Run run, Optional<Embodied> embodied) {
    if (run.footprint().isEmpty() || run.footprint().get().knownEmissionsKg().isEmpty() || run.unit().isEmpty()
        || run.duration().isEmpty()) {
      return Optional.empty();
    }
    double operational = run.footprint().get().emissionsKg() * 1000;
    FunctionalUnit u = run.unit().get();
    double m = embodied.map(e -> e.gramsFor(run.duration().get())).orElse(0.0);
    String source = embodied.map(Embodied::source).orElse("unknown: operational only");
    return Optional.of(new Sci(operational, m, u.count(), u.name(), source));
  }

  /**
   * A machine's embodied emissions.
   *
   * @param totalKg TE, the manufacturing and disposal emissions of the whole machine, in kgCO2e
   * @param lifetimeYears EL, its expected lifetime, in years
   * @param share RR / ToR, the share of the machine the run reserved (0, 1]
   * @param source where TE comes from
   */
  public record Embodied(double totalKg, double lifetimeYears, double share, String source) {
    public Embodied {
      if (!(totalKg >= 0) || !(lifetimeYears > 0) || !(share > 0 && share <= 1)) {
        throw new IllegalArgumentException(
            "embodied emissions need TE >= 0 kg, a lifetime > 0 years and a share in (0, 1]");
      }
    }

    /** M for a run of {@code reserved}: TE x (TiR / EL) x share, in gCO2e. */
    public double gramsFor(Duration reserved) {
      double years = reserved.toNanos() / 1e9 / (365.25 * 24 * 3600);
      return totalKg * 1000 * (years / lifetimeYears) * share;
    }
  }
}
