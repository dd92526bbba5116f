package io.lowcarb.track;

/**
 * One point of a run's series: power over time, loss per epoch...
 *
 * @param x seconds since the run started, or the epoch, step or round
 * @param y the value, in the series' unit
 */
public record Point(double x, double y) {}
