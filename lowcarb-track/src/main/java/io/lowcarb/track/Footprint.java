package io.lowcarb.track;

import io.lowcarb.energy.ComponentEnergy;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.IntensityUsed;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A run's energy and emissions. A figure that is not known (a blank cell of an imported CodeCarbon
 * row) is NaN, never 0: read them through {@link #knownKwh()}, {@link #knownEmissionsKg()} and
 * {@link #knownIntensity()} wherever they are shown or summed.
 *
 * @param energy per component, each with its method
 * @param kwh the IT energy of the components, before PUE, in kWh; NaN if unknown
 * @param emissionsKg emissions, in kgCO2e; NaN if unknown
 * @param intensityGPerKwh the carbon intensity used, in gCO2e/kWh; NaN if unknown
 * @param zone the intensity zone
 * @param intensitySource where the intensity comes from
 * @param intensityKind average, marginal, forecast...
 * @param pue the power usage effectiveness applied
 */
public record Footprint(
    List<EnergyFigure> energy,
    double kwh,
    double emissionsKg,
    double intensityGPerKwh,
    String zone,
    String intensitySource,
    String intensityKind,
    double pue) {
  public Footprint {
    energy = List.copyOf(energy);
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

  private static OptionalDouble known(double v) {
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** The footprint of a meter's report. */
  public static Footprint of(EnergyReport report) {
    List<EnergyFigure> figures =
        report.components().stream().map(Footprint::figure).toList();
    IntensityUsed i = report.intensity();
    return new Footprint(
        figures,
        report.kwh(),
        report.emissionsKg(),
        i.gPerKwh(),
        i.zone(),
        i.source(),
        i.kind().name().toLowerCase(Locale.ROOT),
        report.pue());
  }

  private static EnergyFigure figure(ComponentEnergy c) {
    return new EnergyFigure(
        c.component().name().toLowerCase(Locale.ROOT),
        c.kwh(),
        c.method().label(),
        c.sensor());
  }
}
