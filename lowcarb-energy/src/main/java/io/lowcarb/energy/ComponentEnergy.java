package io.lowcarb.energy;

/**
 * The energy of one component over a task.
 *
 * @param component cpu, gpu or ram
 * @param joules energy, in J
 * @param averageWatts mean power over the task, in W
 * @param method how it was obtained
 * @param uncertaintyPct relative uncertainty, in percent
 * @param sensor the sensor(s) that produced it, for example {@code rapl:package-0+package-1}
 */
public record ComponentEnergy(
    Component component, double joules, double averageWatts, Method method, double uncertaintyPct, String sensor) {

  /** Energy in kWh. */
  public double kwh() {
    return Units.kwh(joules);
  }
}
