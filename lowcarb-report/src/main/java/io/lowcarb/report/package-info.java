/**
 * Stored runs as a report: the charts (power, cumulative energy and CO2e, accuracy against CO2e
 * with its Pareto front, carbon intensity with a scheduled window) and tables, written as one
 * self-contained HTML file that opens offline.
 */
package io.lowcarb.report;
