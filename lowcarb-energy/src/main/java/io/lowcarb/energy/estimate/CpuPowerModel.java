package io.lowcarb.energy.estimate;

import io.lowcarb.energy.Method;

/**
 * CPU power as a function of utilisation, scaled from a TDP.
 *
 * <p>The curve is the consumption profile published by Teads (B. Davy, "Building an AWS EC2
 * Carbon Emissions Dataset", Teads Engineering, 2021) and used by the Boavizta API: at 0 %, 10 %,
 * 50 % and 100 % load a CPU draws 12 %, 32 %, 75 % and 102 % of its TDP; in between, linear.
 * The TDP is that of the CPUs this system can see: with a known core count, TDP per core times
 * visible CPUs (a virtual CPU counted as a core, as the Green Algorithms calculator does),
 * otherwise the whole package.
 *
 * @param maxPowerWatts the TDP of the visible CPUs, in W
 * @param method {@link Method#ESTIMATE} for a table figure, {@link Method#OVERRIDE} for the user's
 * @param uncertaintyPct relative uncertainty of the result, in percent
 * @param basis how the TDP was found, in words
 */
public record CpuPowerModel(double maxPowerWatts, Method method, double uncertaintyPct, String basis) {
  private static final double[] LOAD = {0.0, 0.10, 0.50, 1.00};
  private static final double[] FACTOR = {0.12, 0.32, 0.75, 1.02};

  /** Generic power per CPU when the model is unknown (Green Algorithms' default, 12 W per core). */
  public static final double GENERIC_WATTS_PER_CPU = 12.0;

  /** The curve's own error: Teads report it within about a quarter on the instances they fitted. */
  static final double CURVE_UNCERTAINTY_PCT = 25;

  public CpuPowerModel {
    if (!(maxPowerWatts > 0) || Double.isInfinite(maxPowerWatts)) {
      throw new IllegalArgumentException("CPU power must be positive, got " + maxPowerWatts + " W");
    }
  }

  /** Power at a utilisation between 0 and 1, in W. */
  public double powerWatts(double utilisation) {
    double u = Math.clamp(utilisation, 0.0, 1.0);
    for (int i = 1; i < LOAD.length; i++) {
      if (u <= LOAD[i]) {
        double t = (u - LOAD[i - 1]) / (LOAD[i] - LOAD[i - 1]);
        return maxPowerWatts * (FACTOR[i - 1] + t * (FACTOR[i] - FACTOR[i - 1]));
      }
    }
    return maxPowerWatts * FACTOR[FACTOR.length - 1];
  }

  /** The model for a TDP the user gave, in W, for the CPUs this system sees. */
  public static CpuPowerModel override(double tdpWatts) {
    return new CpuPowerModel(tdpWatts, Method.OVERRIDE, CURVE_UNCERTAINTY_PCT, "TDP " + fmt(tdpWatts) + " W from --cpu-tdp");
  }

  /** The model for a CPU model name and the number of CPUs visible, one thread per core. */
  public static CpuPowerModel forCpu(CpuTable table, String cpuModel, int visibleCpus) {
    return forCpu(table, cpuModel, visibleCpus, 1);
  }

  /**
   * The model for a CPU model name and the number of CPUs visible, from the built-in table. With
   * simultaneous multithreading ({@code threadsPerCore} > 1, from {@code /proc/cpuinfo}) the
   * visible CPUs are hardware threads, and the TDP per core is counted once per core they fill.
   */
  public static CpuPowerModel forCpu(CpuTable table, String cpuModel, int visibleCpus, int threadsPerCore) {
    int threads = Math.max(1, threadsPerCore);
    int cores = (visibleCpus + threads - 1) / threads;
    var spec = table.find(cpuModel);
    if (spec.isEmpty()) {
      double watts = GENERIC_WATTS_PER_CPU * visibleCpus;
      return new CpuPowerModel(
          watts,
          Method.ESTIMATE,
          50,
          "'" + cpuModel + "' is not in the CPU table: generic " + fmt(GENERIC_WATTS_PER_CPU) + " W per CPU x "
              + visibleCpus + " CPUs = " + fmt(watts) + " W (Green Algorithms default); set --cpu-tdp for a better figure");
    }
    CpuSpec cpu = spec.get();
    if (cpu.cores().isPresent()) {
      double perCore = cpu.tdpWatts() / cpu.cores().getAsInt();
      double watts = perCore * cores;
      String visible = threads > 1
          ? cores + " cores (" + visibleCpus + " visible CPUs, " + threads + " threads per core)"
          : visibleCpus + " visible CPUs";
      return new CpuPowerModel(
          watts,
          Method.ESTIMATE,
          30,
          cpu.model() + ": TDP " + fmt(cpu.tdpWatts()) + " W / " + cpu.cores().getAsInt() + " cores x " + visible
              + " = " + fmt(watts) + " W (" + cpu.source() + ")");
    }
    return new CpuPowerModel(
        cpu.tdpWatts(),
        Method.ESTIMATE,
        35,
        cpu.model() + ": TDP " + fmt(cpu.tdpWatts()) + " W, one package (" + cpu.source() + ")");
  }

  static String fmt(double watts) {
    return watts == Math.rint(watts) ? Long.toString((long) watts) : String.format(java.util.Locale.ROOT, "%.1f", watts);
  }
}
