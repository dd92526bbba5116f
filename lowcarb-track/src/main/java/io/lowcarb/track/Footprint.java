package io.lowcarb.track;

import io.lowcarb.energy.ComponentEnergy;
import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.IntensityUsed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A run's energy and emissions, with how they were obtained. A figure that is not known (a blank
 * cell of an imported CodeCarbon row, the uncertainty of a run stored before lowcarb kept it) is
 * NaN, never 0: read them through {@link #knownKwh()}, {@link #knownEmissionsKg()}, {@link
 * #knownIntensity()} and {@link #knownUncertaintyPct()} wherever they are shown or summed.
 *
 * <p>The emissions carry the energy's method and uncertainty: the intensity and the PUE are taken
 * as exact, since no intensity source states an uncertainty.
 *
 * @param energy per component, each with its method
 * @param kwh the IT energy of the components, before PUE, in kWh; NaN if unknown
 * @param emissionsKg emissions, in kgCO2e; NaN if unknown
 * @param intensityGPerKwh the carbon intensity used, in gCO2e/kWh; NaN if unknown
 * @param zone the intensity zone
 * @param intensitySource where the intensity comes from
 * @param intensityKind average, marginal, forecast...
 * @param pue the power usage effectiveness applied
 * @param method how the total was obtained (measured, estimated, mixed, given), empty if not known
 * @param uncertaintyPct the total's combined relative uncertainty, in percent; NaN if not known
 */
public record Footprint(
    List<EnergyFigure> energy,
    double kwh,
    double emissionsKg,
    double intensityGPerKwh,
    String zone,
    String intensitySource,
    String intensityKind,
    double pue,
    Optional<EnergyBasis.Obtained> method,
    double uncertaintyPct) {
  public Footprint {
    energy = List.copyOf(energy);
    Objects.requireNonNull(method, "method");
    if (!Double.isNaN(uncertaintyPct) && !(uncertaintyPct >= 0 && Double.isFinite(uncertaintyPct))) {
      throw new IllegalArgumentException("uncertainty must be finite and >= 0 %, or NaN if not known, got " + uncertaintyPct);
    }
  }

  /**
   * A footprint whose total takes its method and uncertainty from its components' (as {@link
   * EnergyBasis#of(List)} combines them): the method is not known if a component's is not, nor the
   * uncertainty if a component's is not.
   */
  public Footprint(
      List<EnergyFigure> energy, double kwh, double emissionsKg, double intensityGPerKwh, String zone,
      String intensitySource, String intensityKind, double pue) {
    this(energy, kwh, emissionsKg, intensityGPerKwh, zone, intensitySource, intensityKind, pue,
        methodOf(energy), uncertaintyOf(energy));
  }

  /** The energy in kWh, if known. */
  public OptionalDouble knownKwh() {
    return known(kwh);
  }

  /** The emissions in kgCO2e, if known. */
  public OptionalDouble knownEmissionsKg() {
    return known(emissionsKg);
  }

  /** The intensity in gCO2e/kWh, if known. */
  public OptionalDouble knownIntensity() {
    return known(intensityGPerKwh);
  }

  /** The total's relative uncertainty in percent, if known. */
  public OptionalDouble knownUncertaintyPct() {
    return known(uncertaintyPct);
  }

  /** The total's method and uncertainty, when both are known. */
  public Optional<EnergyBasis> basis() {
    return method.isPresent() && !Double.isNaN(uncertaintyPct)
        ? Optional.of(new EnergyBasis(method.get(), uncertaintyPct))
        : Optional.empty();
  }

  /** The same figures with the total's method and uncertainty {@code basis}. */
  public Footprint withBasis(EnergyBasis basis) {
    return new Footprint(energy, kwh, emissionsKg, intensityGPerKwh, zone, intensitySource, intensityKind, pue,
        Optional.of(basis.method()), basis.uncertaintyPct());
  }

  private static OptionalDouble known(double v) {
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** The footprint of a meter's report, with its basis ({@link EnergyBasis#of(EnergyReport)}). */
  public static Footprint of(EnergyReport report) {
    List<EnergyFigure> figures =
        report.components().stream().map(Footprint::figure).toList();
    IntensityUsed i = report.intensity();
    Footprint f = new Footprint(
        figures,
        report.kwh(),
        report.emissionsKg(),
        i.gPerKwh(),
        i.zone(),
        i.source(),
        i.kind().name().toLowerCase(Locale.ROOT),
        report.pue());
    return report.components().isEmpty() ? f : f.withBasis(EnergyBasis.of(report));
  }

  private static EnergyFigure figure(ComponentEnergy c) {
    return new EnergyFigure(
        c.component().name().toLowerCase(Locale.ROOT),
        c.kwh(),
        c.method().label(),
        c.sensor(),
        c.uncertaintyPct());
  }

  /** The components that count towards the total's method: those with energy, or all if none has any. */
  private static List<EnergyFigure> counted(List<EnergyFigure> energy) {
    List<EnergyFigure> withEnergy = energy.stream().filter(e -> e.kwh() > 0).toList();
    return withEnergy.isEmpty() ? energy : withEnergy;
  }

  private static Optional<EnergyBasis.Obtained> methodOf(List<EnergyFigure> energy) {
    List<EnergyFigure> counted = counted(energy);
    if (counted.stream().anyMatch(e -> e.obtained().isEmpty())) {
      return Optional.empty();
    }
    return combined(counted.stream().map(e -> e.obtained().get()).toList());
  }

  /** The method of a figure made of parts obtained by {@code methods}: theirs if all alike, else mixed. */
  static Optional<EnergyBasis.Obtained> combined(List<EnergyBasis.Obtained> methods) {
    return methods.stream().reduce((a, b) -> a == b ? a : EnergyBasis.Obtained.MIXED);
  }

  /** The components' uncertainties in quadrature (independent sensors), NaN if one is not known. */
  private static double uncertaintyOf(List<EnergyFigure> energy) {
    List<EnergyFigure> counted = counted(energy);
    if (counted.isEmpty() || counted.stream().anyMatch(e -> e.obtained().isEmpty() || Double.isNaN(e.uncertaintyPct()))) {
      return Double.NaN;
    }
    List<EnergyBasis.Part> parts = new ArrayList<>();
    for (EnergyFigure e : counted) {
      parts.add(new EnergyBasis.Part(e.kwh(), new EnergyBasis(e.obtained().get(), e.uncertaintyPct())));
    }
    return EnergyBasis.sumOfIndependent(parts).uncertaintyPct();
  }
}
