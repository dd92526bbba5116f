package io.lowcarb.energy;

import io.lowcarb.energy.carbon.IntensityKind;

/**
 * The carbon intensity a report's emissions rest on.
 *
 * @param gPerKwh the intensity, in gCO2e/kWh; for a series, the energy-weighted mean over the task
 * @param zone the zone
 * @param source where it comes from
 * @param kind what it stands for
 */
public record IntensityUsed(double gPerKwh, String zone, String source, IntensityKind kind) {}
