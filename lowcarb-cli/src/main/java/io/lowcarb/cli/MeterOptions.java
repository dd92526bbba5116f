package io.lowcarb.cli;

import io.lowcarb.energy.Scope;
import io.lowcarb.energy.SensorDiscovery;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options that set up the meter: PUE, CPU TDP, sampling, scope. */
final class MeterOptions {
  @Option(names = "--pue", paramLabel = "PUE", description = "Power usage effectiveness (>= 1). Default: 1.0, or the cloud region's.")
  Double pue;

  @Option(names = "--cpu-tdp", paramLabel = "WATTS", description = "CPU TDP to use when RAPL is not readable, in W.")
  Double cpuTdp;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "1s",
      converter = Durations.class,
      description = "Sampling interval (default 1s).")
  Duration interval;

  @Option(
      names = "--scope",
      paramLabel = "process|machine",
      defaultValue = "process",
      description = "Report the command's process tree (default) or the whole machine.")
  String scope;

  Scope scope() {
    try {
      return Scope.valueOf(scope.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--scope must be process or machine, got '" + scope + "'");
    }
  }

  void check() {
    if (pue != null && (!(pue >= 1.0) || pue.isInfinite())) {
      throw new UsageException("--pue must be a number >= 1, got " + pue);
    }
    checkCpuTdp(cpuTdp);
    if (interval.isNegative() || interval.isZero()) {
      throw new UsageException("--interval must be positive");
    }
    scope();
  }

  SensorDiscovery.Options discovery() {
    return discovery(cpuTdp);
  }

  /** Discovery on this machine, with the CPU TDP the user gave (W), if any. */
  static SensorDiscovery.Options discovery(Double cpuTdp) {
    SensorDiscovery.Options options = SensorDiscovery.Options.defaults();
    return cpuTdp == null ? options : options.withCpuTdp(cpuTdp);
  }

  static void checkCpuTdp(Double cpuTdp) {
    if (cpuTdp != null && (!(cpuTdp > 0) || cpuTdp.isInfinite())) {
      throw new UsageException("--cpu-tdp must be a positive number of watts, got " + cpuTdp);
    }
  }

  /**
   * A meter builder set up from these options, the chosen intensity and the sensors found: a PUE
   * given with {@code --pue} wins over a cloud region's.
   */
  io.lowcarb.energy.Meter.Builder meter(IntensityOptions.Choice intensity, SensorDiscovery.Result found) {
    return io.lowcarb.energy.Meter.builder()
        .sensors(found.sensors())
        .intensity(intensity.provider())
        .pue(pue != null ? pue : intensity.pue().orElse(1.0))
        .scope(scope())
        .sampleInterval(interval)
        .warnings(found.warnings());
  }
}
