package io.lowcarb.train.forecast;

/**
 * A training's whole footprint as predicted after one of its epochs.
 *
 * @param afterEpoch the epoch just ended (1-based)
 * @param epochs the epochs planned
 * @param energyKwh the whole training's energy, in kWh
 * @param emissionsGrams its emissions, in gCO2e
 * @param seconds its time, in s (every session)
 * @param spentKwh the energy measured up to the prediction, in kWh
 * @param spreadPct the statistical part of the energy interval: the half-width, in percent of the
 *     energy still to come, from the spread between batches and between epochs
 * @param meterPct the meter's own relative uncertainty, in percent of the whole energy
 */
public record Forecast(
    int afterEpoch,
    int epochs,
    Estimate energyKwh,
    Estimate emissionsGrams,
    Estimate seconds,
    double spentKwh,
    double spreadPct,
    double meterPct) {}
