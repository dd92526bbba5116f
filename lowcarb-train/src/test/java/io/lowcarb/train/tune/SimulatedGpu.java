package io.lowcarb.train.tune;

import io.lowcarb.energy.Clock;
import io.lowcarb.energy.nvml.PowerLimitRange;
import java.time.Instant;

/**
 * A GPU whose speed follows its power limit: the board draws a static 80 W plus a dynamic part
 * capped by the limit (the work wants 300 W in all), and a step takes longer as the square root of
 * the dynamic power it is denied. Energy per step is least at a middle limit, as measured by Zeus.
 */
final class SimulatedGpu implements GpuPowerControl, Clock {
  static final double STATIC_W = 80;
  static final double DEMAND_W = 300;
  static final double STEP_SECONDS = 1;

  long limitMw = 300_000;
  long energyMj;
  long nanos;
  int sets;

  /** One training step at the limit in force: advances the counter and the clock. */
  void step() {
    double dynamic = Math.min(limitMw / 1000.0, DEMAND_W) - STATIC_W;
    double seconds = seconds(limitMw / 1000.0);
    energyMj += Math.round((STATIC_W + dynamic) * seconds * 1000);
    nanos += Math.round(seconds * 1e9);
  }

  static double seconds(double limitW) {
    double dynamic = Math.min(limitW, DEMAND_W) - STATIC_W;
    return STEP_SECONDS * Math.sqrt((DEMAND_W - STATIC_W) / dynamic);
  }

  static double joules(double limitW) {
    return Math.min(limitW, DEMAND_W) * seconds(limitW);
  }

  @Override
  public String name() {
    return "Simulated GPU";
  }

  @Override
  public PowerLimitRange range() {
    return new PowerLimitRange(100_000, 300_000);
  }

  @Override
  public long limitMilliwatts() {
    return limitMw;
  }

  @Override
  public void setLimitMilliwatts(long milliwatts) {
    if (!range().contains(milliwatts)) {
      throw new IllegalArgumentException("out of range");
    }
    limitMw = milliwatts;
    sets++;
  }

  @Override
  public long energyMillijoules() {
    return energyMj;
  }

  @Override
  public Instant wallTime() {
    return Instant.EPOCH.plusNanos(nanos);
  }

  @Override
  public long monotonicNanos() {
    return nanos;
  }
}
