/**
 * Carbon-aware scheduling: intensity from live APIs ({@code provider}), forecasts where a source
 * gives none ({@code forecast}), the greenest window for a job ({@code window}), and a persistent
 * queue that runs jobs at their windows ({@code queue}).
 */
package io.lowcarb.schedule;
