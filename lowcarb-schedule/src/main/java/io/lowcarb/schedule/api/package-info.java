/**
 * An HTTP API compatible with the Green Software Foundation Carbon Aware SDK WebAPI
 * ({@code /emissions/...}, {@code /locations}), so existing SDK clients can ask lowcarb for
 * intensity, best locations, forecast windows and averages; plus {@code /jobs} for a job queue.
 * The answers come from a {@link io.lowcarb.schedule.api.CarbonAwareQueries} over a
 * {@link io.lowcarb.schedule.api.Catalog}; the HTTP edge is {@link io.lowcarb.schedule.api.CarbonAwareServer}.
 */
package io.lowcarb.schedule.api;
