package io.lowcarb.schedule.api;

import java.time.Instant;

/**
 * The time-weighted mean intensity over a period, shaped as the SDK's {@code CarbonIntensityDTO}.
 *
 * @param location the location asked for
 * @param startTime the start of the period
 * @param endTime the end of the period (exclusive)
 * @param carbonIntensity the mean intensity, gCO2e/kWh
 */
public record CarbonIntensity(String location, Instant startTime, Instant endTime, double carbonIntensity) {}
