package io.lowcarb.schedule.api;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.time.Instant;

/**
 * A measured intensity, shaped as the SDK's {@code EmissionsData}: JSON {@code {"location",
 * "time", "rating", "duration"}}, the duration written as .NET writes a TimeSpan ({@code
 * "01:00:00"}).
 *
 * @param location the location asked for
 * @param time the start of the period
 * @param rating the intensity, gCO2e/kWh
 * @param duration the period's length
 */
public record EmissionsData(
    String location, Instant time, double rating, @JsonSerialize(using = TimeSpanSerializer.class) Duration duration) {}
