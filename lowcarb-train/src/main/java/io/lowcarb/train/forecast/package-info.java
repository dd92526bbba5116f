/**
 * Predicts a training's total energy, CO2e and time, with an interval, from the meter's readings at
 * batch boundaries: warm-up excluded after the first epoch, measured epochs after that.
 */
package io.lowcarb.train.forecast;
