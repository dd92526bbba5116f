package io.lowcarb.energy;

import java.time.Instant;

/**
 * Cumulative counters since the meter started, at one sample. Reports are differences of two.
 *
 * @param wallTime when the sample was taken
 * @param monotonicNanos the monotonic clock at that moment
 * @param machineJoules per sensor, machine energy in J
 * @param processJoules per sensor, attributed energy in J
 * @param machineGrams machine emissions in gCO2e
 * @param processGrams attributed emissions in gCO2e
 * @param utilisationSeconds machine CPU utilisation integrated over time (utilisation x s)
 * @param ramUsedByteSeconds machine memory in use integrated over time (bytes x s)
 * @param seconds total sampled time, in s
 */
record Totals(
    Instant wallTime,
    long monotonicNanos,
    double[] machineJoules,
    double[] processJoules,
    double machineGrams,
    double processGrams,
    double utilisationSeconds,
    double ramUsedByteSeconds,
    double seconds) {}
