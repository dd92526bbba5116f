package io.lowcarb.cli;

import io.lowcarb.energy.ComponentEnergy;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.SensorDiscovery;
import java.io.PrintWriter;
import java.util.Locale;

/** The human summary printed after a measurement. */
final class Summary {
  private Summary() {}

  static void print(PrintWriter out, EnergyReport r, int exit, SensorDiscovery.Result found) {
    out.printf(Locale.ROOT, "lowcarb: %s: exit %d after %.2f s%n", r.task(), exit, r.seconds());
    out.printf(Locale.ROOT, "  energy     %s  (%s; whole machine %s)%n",
        energy(r.joules()), r.scope() == io.lowcarb.energy.Scope.PROCESS ? "command's process tree" : "machine",
        energy(r.machineKwh() * 3.6e6));
    for (ComponentEnergy c : r.components()) {
      out.printf(Locale.ROOT, "  %-9s  %s  avg %.3g W  %s +/-%.0f %%  [%s]%n",
          c.component().label(), energy(c.joules()), c.averageWatts(), c.method().label(), c.uncertaintyPct(), c.sensor());
    }
    out.printf(Locale.ROOT, "  emissions  %s CO2e  (%.1f gCO2e/kWh, %s, %s; PUE %.2f)%n",
        grams(r.emissionsGrams()), r.intensity().gPerKwh(), r.intensity().zone(), r.intensity().kind().label(), r.pue());
    out.printf(Locale.ROOT, "  source     %s%n", r.intensity().source());
    for (String w : r.warnings()) {
      out.println("  note       " + w);
    }
    out.flush();
  }

  /** Joules in the most readable unit: J, Wh or kWh. */
  static String energy(double joules) {
    double wh = joules / 3600;
    if (wh >= 1000) {
      return String.format(Locale.ROOT, "%.3f kWh", wh / 1000);
    }
    if (joules >= 3600) {
      return String.format(Locale.ROOT, "%.3f Wh", wh);
    }
    return String.format(Locale.ROOT, "%.4g J (%.3g kWh)", joules, joules / 3.6e6);
  }

  /** Grams in the most readable unit: mg, g or kg. */
  static String grams(double grams) {
    if (grams >= 1000) {
      return String.format(Locale.ROOT, "%.3f kg", grams / 1000);
    }
    if (grams >= 1) {
      return String.format(Locale.ROOT, "%.3f g", grams);
    }
    return String.format(Locale.ROOT, "%.3g mg", grams * 1000);
  }
}
