package io.lowcarb.advise.hardware;

import io.lowcarb.energy.Method;
import io.lowcarb.energy.estimate.CpuPowerModel;
import java.util.Locale;
import java.util.Optional;

/**
 * Cores of one CPU model, for example a whole package or the CPUs this machine lets a job use.
 *
 * @param cpu the CPU
 * @param cores how many of its cores, at least 1
 */
public record CpuCores(Device cpu, int cores) implements Hardware {
  public CpuCores {
    if (cpu.kind() != DeviceKind.CPU || cores < 1) {
      throw new IllegalArgumentException("CPU cores need a CPU and at least one core, got " + cores + " of " + cpu.name());
    }
  }

  /** Every core of {@code packages} packages of {@code cpu}. */
  public static CpuCores packages(Device cpu, int packages) {
    return new CpuCores(cpu, packages * cpu.cores().orElseThrow());
  }

  @Override
  public String name() {
    int perPackage = cpu.cores().orElseThrow();
    if (cores % perPackage == 0) {
      return cores == perPackage ? cpu.name() : cores / perPackage + "x" + cpu.name();
    }
    return cores + " cores of " + cpu.name();
  }

  @Override
  public Optional<String> provider() {
    return Optional.empty();
  }

  @Override
  public DeviceKind kind() {
    return DeviceKind.CPU;
  }

  @Override
  public int units() {
    return cores;
  }

  /** The TDP of these cores, in W: the package's TDP per core times the cores. */
  public double tdpWatts() {
    return cpu.tdpWatts() / cpu.cores().orElseThrow() * cores;
  }

  @Override
  public Device.Peak peak(Precision precision) {
    Device.Peak one = cpu.usablePeak(precision);
    return new Device.Peak(one.tflops() / cpu.cores().orElseThrow() * cores, one.precision());
  }

  @Override
  public PowerAtWork power(double utilisation) {
    double watts = new CpuPowerModel(tdpWatts(), Method.ESTIMATE, 30, "").powerWatts(utilisation);
    return new PowerAtWork(watts, String.format(Locale.ROOT, "%s: %d cores x %.1f W TDP per core at %.0f %% load (Teads curve) = %.0f W",
        cpu.name(), cores, cpu.tdpWatts() / cpu.cores().orElseThrow(), 100 * utilisation, watts));
  }
}
