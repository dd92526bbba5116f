/**
 * Live carbon intensity (gCO2e/kWh) from Electricity Maps, WattTime and the UK Carbon Intensity
 * API over HTTP, with retries, an on-disk cache that stands in (labelled stale) while a service is
 * down, and a factory that reads tokens and base URLs from the environment.
 */
package io.lowcarb.schedule.provider;
