package io.lowcarb.energy;

import io.lowcarb.energy.carbon.IntensityKind;
import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.IntensityUnavailableException;
import io.lowcarb.energy.sensor.EnergySensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns two samples of the counters into a report. */
final class Reports {
  private Reports() {}

  static EnergyReport between(
      Meter meter, String task, Totals from, Totals to, boolean complete, List<EnergyReport> children) {
    Sampler sampler = meter.sampler();
    Duration duration = Duration.ofNanos(Math.max(0, to.monotonicNanos() - from.monotonicNanos()));
    double seconds = duration.toNanos() / 1e9;
    List<EnergySensor> sensors = sampler.sensors();
    List<ComponentEnergy> machine = components(sensors, from.machineJoules(), to.machineJoules(), seconds);
    List<ComponentEnergy> process = components(sensors, from.processJoules(), to.processJoules(), seconds);
    double machineGrams = to.machineGrams() - from.machineGrams();
    double processGrams = to.processGrams() - from.processGrams();
    boolean processScope = meter.scope() == Scope.PROCESS;
    List<ComponentEnergy> scoped = processScope ? process : machine;
    double grams = processScope ? processGrams : machineGrams;
    double sampled = to.seconds() - from.seconds();
    double utilisation = sampled > 0 ? (to.utilisationSeconds() - from.utilisationSeconds()) / sampled : 0;
    double ramUsed = sampled > 0 ? (to.ramUsedByteSeconds() - from.ramUsedByteSeconds()) / sampled : 0;
    double joules = scoped.stream().mapToDouble(ComponentEnergy::joules).sum();
    return new EnergyReport(
        task,
        from.wallTime(),
        to.wallTime(),
        duration,
        meter.scope(),
        scoped,
        machine,
        grams,
        machineGrams,
        intensityUsed(sampler, from, joules, grams),
        sampler.pue(),
        utilisation,
        ramUsed,
        complete,
        children,
        sampler.warnings());
  }

  private static IntensityUsed intensityUsed(Sampler sampler, Totals from, double joules, double grams) {
    var provider = sampler.intensity();
    IntensityKind kind;
    double gPerKwh;
    try {
      IntensityPoint point = provider.at(from.wallTime());
      kind = point.kind();
      gPerKwh = point.gPerKwh();
    } catch (IntensityUnavailableException e) {
      kind = IntensityKind.SERIES;
      gPerKwh = Double.NaN;
    }
    double kwh = Units.kwh(joules);
    if (kwh > 0) {
      gPerKwh = grams / (kwh * sampler.pue()); // the energy-weighted mean over the task
    }
    return new IntensityUsed(gPerKwh, provider.zone(), provider.source(), kind);
  }

  private static List<ComponentEnergy> components(
      List<EnergySensor> sensors, double[] from, double[] to, double seconds) {
    Map<Component, List<Integer>> byComponent = new EnumMap<>(Component.class);
    for (int i = 0; i < sensors.size(); i++) {
      byComponent.computeIfAbsent(sensors.get(i).component(), c -> new ArrayList<>()).add(i);
    }
    List<ComponentEnergy> out = new ArrayList<>();
    for (var entry : byComponent.entrySet()) {
      double joules = 0;
      double uncertainty = 0;
      List<String> names = new ArrayList<>();
      Method method = null;
      for (int i : entry.getValue()) {
        EnergySensor sensor = sensors.get(i);
        joules += to[i] - from[i];
        uncertainty = Math.max(uncertainty, sensor.uncertaintyPct());
        names.add(sensor.name());
        method = method == null ? sensor.method() : method;
      }
      double watts = seconds > 0 ? joules / seconds : 0;
      out.add(new ComponentEnergy(entry.getKey(), joules, watts, method, uncertainty, String.join("+", names)));
    }
    return out;
  }

  static Map<Component, Double> perComponent(List<EnergySensor> sensors, double[] joules) {
    Map<Component, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < sensors.size(); i++) {
      out.merge(sensors.get(i).component(), joules[i], Double::sum);
    }
    return out;
  }
}
