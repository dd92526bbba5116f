/**
 * Carbon-aware scheduling: intensity from live APIs ({@code provider}), forecasts where a source
 * gives none ({@code forecast}), the greenest window for a job ({@code window}), and a persistent
 * queue that runs jobs at their windows ({@code queue}); an HTTP API compatible with the Green Software
 * Foundation's Carbon Aware SDK WebAPI serves them ({@code api}).
 */
package io.lowcarb.schedule;
