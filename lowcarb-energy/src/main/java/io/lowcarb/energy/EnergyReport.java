package io.lowcarb.energy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The footprint of one task.
 *
 * @param task the task's name
 * @param start when it started
 * @param end when it ended, or when this report was taken if it is still running
 * @param duration its length (monotonic)
 * @param scope whose energy {@link #components} describe
 * @param components energy per component for the scope (the process tree, or the machine)
 * @param machineComponents energy per component of the whole machine, over the same time
 * @param emissionsGrams emissions of the scope, in gCO2e (energy x intensity x PUE)
 * @param machineEmissionsGrams emissions of the machine, in gCO2e
 * @param intensity the intensity used
 * @param pue the power usage effectiveness applied (>= 1)
 * @param cpuUtilisation mean machine CPU utilisation, 0..1
 * @param ramUsedBytes mean machine memory in use, in bytes
 * @param complete false for a progress report of a task still running
 * @param children reports of tasks started inside this one, in the order they ended
 * @param warnings what the reader must know about these figures (a fallback, a gap in a series)
 */
public record EnergyReport(
    String task,
    Instant start,
    Instant end,
    Duration duration,
    Scope scope,
    List<ComponentEnergy> components,
    List<ComponentEnergy> machineComponents,
    double emissionsGrams,
    double machineEmissionsGrams,
    IntensityUsed intensity,
    double pue,
    double cpuUtilisation,
    double ramUsedBytes,
    boolean complete,
    List<EnergyReport> children,
    List<String> warnings) {

  /** Energy of the scope, in J. */
  public double joules() {
    return components.stream().mapToDouble(ComponentEnergy::joules).sum();
  }

  /** Energy of the scope, in kWh (IT energy, before PUE). */
  public double kwh() {
    return Units.kwh(joules());
  }

  /** Energy of the machine, in kWh. */
  public double machineKwh() {
    return Units.kwh(machineComponents.stream().mapToDouble(ComponentEnergy::joules).sum());
  }

  /** Emissions of the scope, in kgCO2e. */
  public double emissionsKg() {
    return emissionsGrams / 1000;
  }

  /** Duration in seconds. */
  public double seconds() {
    return duration.toNanos() / 1e9;
  }

  /** The component's figure, if the scope has it. */
  public java.util.Optional<ComponentEnergy> component(Component component) {
    return components.stream().filter(c -> c.component() == component).findFirst();
  }
}
