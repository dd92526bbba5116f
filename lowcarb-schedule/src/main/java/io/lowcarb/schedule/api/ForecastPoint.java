package io.lowcarb.schedule.api;

import java.time.Instant;

/**
 * A forecast window, shaped as the SDK's {@code EmissionsDataDTO}: JSON {@code {"location",
 * "timestamp", "duration", "value"}}.
 *
 * @param location the location asked for
 * @param timestamp the start of the window
 * @param duration the window's length, whole minutes
 * @param value the mean forecast intensity over the window, gCO2e/kWh
 */
public record ForecastPoint(String location, Instant timestamp, long duration, double value) {}
