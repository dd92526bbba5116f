package io.lowcarb.energy.sensor;

import java.time.Instant;

/**
 * What happened on the machine during one sampling interval, as the sensors need it to compute
 * and attribute energy.
 *
 * @param start the interval's start (wall time)
 * @param seconds the interval's length, in seconds (monotonic)
 * @param machineUtilisation CPU utilisation over the interval, 0..1, of the CPU capacity available
 *     (the machine's, or its cgroup's where a cgroup limits the CPUs)
 * @param processShare the measured process tree's CPU time over the interval divided by the
 *     available CPU capacity (interval times CPUs), 0..1
 * @param processRssBytes resident memory of the process tree at the end of the interval, in bytes
 * @param machineUsedBytes machine memory in use at the end of the interval, in bytes
 * @param machineTotalBytes machine memory, in bytes
 * @param capacityShare the available CPU capacity as a share of the machine's, 0..1: 1 without a
 *     cgroup limit; a sensor that measures the whole machine (RAPL) scales by it
 */
public record Activity(
    Instant start,
    double seconds,
    double machineUtilisation,
    double processShare,
    long processRssBytes,
    long machineUsedBytes,
    long machineTotalBytes,
    double capacityShare) {

  /** An interval on a machine whose whole CPU capacity is available. */
  public Activity(Instant start, double seconds, double machineUtilisation, double processShare,
      long processRssBytes, long machineUsedBytes, long machineTotalBytes) {
    this(start, seconds, machineUtilisation, processShare, processRssBytes, machineUsedBytes, machineTotalBytes, 1.0);
  }

  /** The share of used memory held by the process tree, 0..1. */
  public double processMemoryShare() {
    return machineUsedBytes <= 0 ? 0 : Math.clamp((double) processRssBytes / machineUsedBytes, 0.0, 1.0);
  }
}
