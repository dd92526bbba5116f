package io.lowcarb.track;

import io.lowcarb.energy.ComponentEnergy;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.IntensityUsed;
import java.util.List;
import java.util.Locale;

/**
 * A run's energy and emissions.
 *
 * @param energy per component, each with its method
 * @param kwh the IT energy of the components, before PUE, in kWh
 * @param emissionsKg emissions, in kgCO2e
 * @param intensityGPerKwh the carbon intensity used, in gCO2e/kWh
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
