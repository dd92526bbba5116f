package io.lowcarb.energy.proc;

/**
 * Machine-wide CPU time from the first line of {@code /proc/stat}, in clock ticks, summed over all
 * CPUs.
 *
 * @param busyTicks user, nice, system, irq and softirq time; steal time (the hypervisor running
 *     other guests) is neither busy nor idle here, so it is left out of both
 * @param totalTicks busy time plus idle and iowait
 * @param cpus the number of CPUs listed ({@code cpuN} lines)
 */
public record CpuTimes(long busyTicks, long totalTicks, int cpus) {

  /** The utilisation between an earlier reading and this one, 0..1; 0 when no time passed. */
  public double utilisationSince(CpuTimes earlier) {
    long total = totalTicks - earlier.totalTicks;
    if (total <= 0) {
      return 0;
    }
    double busy = busyTicks - earlier.busyTicks;
    return Math.clamp(busy / total, 0.0, 1.0);
  }
}
