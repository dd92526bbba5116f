/**
 * Grid carbon intensity (gCO2e/kWh): the provider interface, the built-in zone table, time series
 * files, and the time-resolved integration of energy into emissions.
 */
package io.lowcarb.energy.carbon;
