package io.lowcarb.train;

/**
 * One epoch.
 *
 * @param epoch 1-based
 * @param loss mean training loss
 * @param validationAccuracy accuracy on the validation part, 0..1
 * @param energyKwh energy of the epoch, in kWh
 * @param co2Grams emissions of the epoch, in gCO2e
 * @param seconds its length
 * @param samplesPerSecond training examples per second
 * @param checkpoint the checkpoint written after it
 */
public record EpochResult(
    int epoch, double loss, double validationAccuracy, double energyKwh, double co2Grams, double seconds,
    double samplesPerSecond, String checkpoint) {}
