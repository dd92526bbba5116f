package io.lowcarb.cli;

import io.lowcarb.energy.SensorDiscovery;
import io.lowcarb.energy.sensor.EnergySensor;
import io.lowcarb.energy.sensor.SensorStatus;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lowcarb sensors}: what this machine offers, what is used, and why not the rest. */
@Command(name = "sensors", mixinStandardHelpOptions = true, description = "Show the energy sensors of this machine, which are used, and how to enable the others.")
final class SensorsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--cpu-tdp", paramLabel = "WATTS", description = "CPU TDP to use when RAPL is not readable, in W.")
  Double cpuTdp;

  @Override
  public Integer call() {
    MeterOptions.checkCpuTdp(cpuTdp);
    SensorDiscovery.Result found = SensorDiscovery.discover(MeterOptions.discovery(cpuTdp));
    PrintWriter out = spec.commandLine().getOut();
    var m = found.machine();
    out.printf(Locale.ROOT, "machine: %s, %d CPUs, %.1f GB RAM, %s%n", m.cpuModel(), m.cpus(), m.ramBytes() / 1e9,
        m.gpus().isEmpty() ? "no GPU measured" : String.join(", ", m.gpus()));
    for (SensorStatus s : found.statuses()) {
      out.printf(Locale.ROOT, "%-4s %-12s %-10s %s%n", s.component().label(), s.kind(),
          s.state().name().toLowerCase(Locale.ROOT), s.detail());
      if (!s.fix().isEmpty()) {
        out.printf(Locale.ROOT, "%-28s fix: %s%n", "", s.fix());
      }
    }
    for (String w : found.warnings()) {
      out.println("warning: " + w);
    }
    found.sensors().forEach(EnergySensor::close);
    return 0;
  }
}
