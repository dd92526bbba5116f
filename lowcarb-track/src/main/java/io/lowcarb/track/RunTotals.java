package io.lowcarb.track;

import io.lowcarb.energy.EnergyBasis;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The energy and emissions of several runs, summed. A run whose energy or emissions is not known
 * (still running, never measured, a blank cell of an imported row) is left out of that sum, never
 * counted as 0, and counted instead, so that the total says what it leaves out. A run recorded
 * under another run of the same set (a pipeline's step, a scheduled job's measurement) is already
 * in its parent's figures: it is left out of the sums too, and counted.
 *
 * <p>The runs are independent measurements, so their uncertainties add in quadrature ({@link
 * EnergyBasis#sumOfIndependent}); the total's method and uncertainty are not known when a summed
 * run's are not.
 *
 * @param runs how many runs
 * @param kwh the energy of those whose energy is known, in kWh
 * @param withoutEnergy how many runs are left out of {@code kwh}
 * @param emissionsKg the emissions of those whose emissions are known, in kgCO2e
 * @param withoutEmissions how many runs are left out of {@code emissionsKg}
 * @param inParent how many runs are left out of both sums as part of their parent's figures
 * @param method how the summed energy was obtained, empty if not known
 * @param energyUncertaintyPct the relative uncertainty of {@code kwh}, in percent; NaN if not known
 * @param emissionsUncertaintyPct the relative uncertainty of {@code emissionsKg}, in percent; NaN if not known
 */
public record RunTotals(
    int runs,
    double kwh,
    int withoutEnergy,
    double emissionsKg,
    int withoutEmissions,
    int inParent,
    Optional<EnergyBasis.Obtained> method,
    double energyUncertaintyPct,
    double emissionsUncertaintyPct) {

  /** The totals of {@code runs}. */
  public static RunTotals of(Collection<Run> runs) {
    Set<String> ids = runs.stream().map(Run::id).collect(Collectors.toSet());
    double kwh = 0;
    double kg = 0;
    int noEnergy = 0;
    int noEmissions = 0;
    int inParent = 0;
    List<EnergyBasis.Part> energy = new ArrayList<>();
    List<EnergyBasis.Part> emissions = new ArrayList<>();
    List<EnergyBasis.Obtained> methods = new ArrayList<>();
    boolean methodKnown = true;
    boolean basisKnown = true;
    for (Run r : runs) {
      if (r.parentId().filter(ids::contains).isPresent()) {
        inParent++;
        continue;
      }
      OptionalDouble e = r.footprint().map(Footprint::knownKwh).orElse(OptionalDouble.empty());
      OptionalDouble c = r.footprint().map(Footprint::knownEmissionsKg).orElse(OptionalDouble.empty());
      Optional<EnergyBasis> basis = r.footprint().flatMap(Footprint::basis);
      if (e.isPresent()) {
        kwh += e.getAsDouble();
        basis.ifPresent(b -> energy.add(new EnergyBasis.Part(e.getAsDouble(), b)));
      } else {
        noEnergy++;
      }
      if (c.isPresent()) {
        kg += c.getAsDouble();
        basis.ifPresent(b -> emissions.add(new EnergyBasis.Part(c.getAsDouble(), b)));
      } else {
        noEmissions++;
      }
      if (e.isPresent() || c.isPresent()) {
        Optional<EnergyBasis.Obtained> m = r.footprint().flatMap(Footprint::method);
        m.ifPresent(methods::add);
        methodKnown &= m.isPresent();
        basisKnown &= basis.isPresent();
      }
    }
    Optional<EnergyBasis> energyBasis = basisKnown && !energy.isEmpty()
        ? Optional.of(EnergyBasis.sumOfIndependent(energy)) : Optional.empty();
    Optional<EnergyBasis> emissionsBasis = basisKnown && !emissions.isEmpty()
        ? Optional.of(EnergyBasis.sumOfIndependent(emissions)) : Optional.empty();
    return new RunTotals(runs.size(), kwh, noEnergy, kg, noEmissions, inParent,
        methodKnown ? Footprint.combined(methods) : Optional.empty(),
        energyBasis.map(EnergyBasis::uncertaintyPct).orElse(Double.NaN),
        emissionsBasis.map(EnergyBasis::uncertaintyPct).orElse(Double.NaN));
  }

  /** Whether no run's energy is in {@link #kwh()}. */
  public boolean noEnergy() {
    return withoutEnergy + inParent == runs;
  }

  /** Whether no run's emissions are in {@link #emissionsKg()}. */
  public boolean noEmissions() {
    return withoutEmissions + inParent == runs;
  }
}
