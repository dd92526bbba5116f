package io.lowcarb.advise;

import io.lowcarb.advise.hardware.Hardware;
import io.lowcarb.advise.hardware.Instance;
import io.lowcarb.advise.hardware.Precision;
import io.lowcarb.advise.region.Region;
import io.lowcarb.energy.EnergyBasis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Estimates the time, energy and CO2e of a piece of work on each candidate hardware in each
 * candidate region. An instance type is only placed in its own provider's regions; devices and
 * this machine go anywhere.
 *
 * <p>Time scales with peak throughput at {@code precision}; power is the hardware's at full load;
 * emissions are energy x PUE x the region's annual intensity. docs/advise.md has the formulas. On
 * the hardware a run ran on, its own time and energy are kept with their method (measured,
 * estimated, mixed or given) and uncertainty; every other option is estimated.
 */
public final class Advisor {
  private final Precision precision;

  public Advisor(Precision precision) {
    this.precision = precision;
  }

  /** The options for {@code work} over every candidate and region that fit together. */
  public Advice advise(Workload work, List<Hardware> candidates, List<Region> regions) {
    List<Option> options = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<Hardware> all = new ArrayList<>(candidates);
    List<Region> places = new ArrayList<>(regions);
    if (work instanceof MeasuredRun run) {
      if (!all.contains(run.ranOn())) {
        all.addFirst(run.ranOn()); // the baseline: the same hardware, here and elsewhere
      }
      run.ranIn().filter(r -> !places.contains(r)).ifPresent(places::addFirst);
    }
    for (Hardware h : all) {
      Optional<RunTime> time = RunTime.of(work, h, precision);
      if (time.isEmpty()) {
        notes.add(h.name() + ": no published peak throughput at " + RunTime.name(precision) + " or wider; left out");
        continue;
      }
      Hardware.PowerAtWork power = h.power(1.0);
      for (Region r : places) {
        if (h.provider().isEmpty() || h.provider().equals(r.provider())) {
          options.add(option(h, r, time.get(), power));
        }
      }
    }
    return new Advice(options, notes);
  }

  private static Option option(Hardware h, Region r, RunTime time, Hardware.PowerAtWork power) {
    List<String> why = new ArrayList<>(time.assumptions());
    double energyKwh;
    EnergyBasis energy;
    if (time.asRun().isPresent()) {
      // the run's own figure: its method and uncertainty go with it, whatever they are
      energyKwh = time.asRun().get().energyKwh();
      energy = time.asRun().get().basis();
    } else {
      // scaled from the run's duration (not its energy) by peak throughput, at TDP: a model's figure
      energyKwh = power.watts() * time.hours() / 1000;
      energy = new EnergyBasis(EnergyBasis.Obtained.ESTIMATED,
          Uncertainty.combine(time.uncertaintyPct(), Uncertainty.POWER_PCT));
      why.add("power at full load: " + power.basis());
    }
    why.add(String.format(Locale.ROOT, "intensity: %s gCO2e/kWh, annual average (%s, %s), PUE %s", RunTime.fmt(r.gPerKwh()),
        r.source(), r.year(), RunTime.fmt(r.pue())));
    if (h instanceof Instance) {
      why.add("whether " + h.name() + " is offered in " + r.zone() + " is not checked");
    }
    double emissionsKg = energyKwh * r.effectiveGPerKwh() / 1000;
    return new Option(h, r, time.hours(), energyKwh, emissionsKg, energy.times(Uncertainty.INTENSITY_PCT),
        time.asRun().isPresent(), why);
  }
}
