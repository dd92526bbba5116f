package io.lowcarb.energy.rapl;

/** Arithmetic of a wrapping energy counter. */
public final class EnergyCounter {
  private EnergyCounter() {}

  /**
   * The energy between two readings of a counter that wraps to zero after {@code maxRange}.
   *
   * @param previous the earlier reading, 0..maxRange
   * @param current the later reading, 0..maxRange
   * @param maxRange the counter's range ({@code max_energy_range_uj})
   * @return the increase, assuming at most one wrap between the readings
   */
  public static long delta(long previous, long current, long maxRange) {
    return current >= previous ? current - previous : (maxRange - previous) + current;
  }
}
