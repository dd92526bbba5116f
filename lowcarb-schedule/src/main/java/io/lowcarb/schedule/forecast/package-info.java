/**
 * Forecasts of hourly carbon intensity (gCO2e/kWh) for sources that give none: seasonal naive
 * baselines, double-seasonal Holt-Winters, their conversion into forecast intensity points, and a
 * backtest that scores them on a recorded series.
 */
package io.lowcarb.schedule.forecast;
