/**
 * Forecasts of carbon intensity (gCO2e/kWh) for sources that give none, hourly or at a series' own
 * resolution: seasonal naive baselines, double-seasonal Holt-Winters, their conversion into forecast
 * intensity points, and a backtest that scores them on a recorded series.
 */
package io.lowcarb.schedule.forecast;
