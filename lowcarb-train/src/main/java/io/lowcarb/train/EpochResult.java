package io.lowcarb.train;

import io.lowcarb.train.forecast.Forecast;
import java.util.Optional;

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
 * @param forecast the whole training's footprint as predicted after this epoch (empty in ledgers
 *     written before predictions were kept per epoch)
 */
public record EpochResult(
    int epoch, double loss, double validationAccuracy, double energyKwh, double co2Grams, double seconds,
    double samplesPerSecond, String checkpoint, Optional<Forecast> forecast) {

  /** An epoch without a forecast. */
  public EpochResult(int epoch, double loss, double validationAccuracy, double energyKwh, double co2Grams,
      double seconds, double samplesPerSecond, String checkpoint) {
    this(epoch, loss, validationAccuracy, energyKwh, co2Grams, seconds, samplesPerSecond, checkpoint, Optional.empty());
  }
}
