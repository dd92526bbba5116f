package io.lowcarb.train;

import io.lowcarb.energy.EnergyReport;
import io.lowcarb.train.forecast.Forecast;
import java.util.List;
import java.util.Optional;

/**
 * A finished training.
 *
 * @param accuracy accuracy on the test part, 0..1
 * @param epochs every epoch run, each with the prediction as it stood after it
 * @param predicted the whole run's footprint as predicted after epoch 1 (empty when no epoch ran,
 *     or for a ledger from before predictions had intervals)
 * @param stoppedBecause {@code epochs}, {@code target-accuracy}, {@code energy-budget}, {@code
 *     co2-budget}, {@code patience} or {@code predicted-over-budget}
 * @param checkpoint the last checkpoint
 * @param report the footprint of this session (this start or this resume)
 * @param totalKwh energy of every session of this training, in kWh
 * @param totalGrams emissions of every session, in gCO2e
 * @param totalSeconds time of every session, in s
 * @param sessions how many sessions (1 plus the resumes)
 */
public record TrainingResult(
    double accuracy,
    List<EpochResult> epochs,
    Optional<Forecast> predicted,
    String stoppedBecause,
    String checkpoint,
    EnergyReport report,
    double totalKwh,
    double totalGrams,
    double totalSeconds,
    int sessions) {

  /** The whole run's energy as predicted after epoch 1, in kWh (NaN without a prediction). */
  public double predictedEnergyKwh() {
    return predicted.map(f -> f.energyKwh().point()).orElse(Double.NaN);
  }

  /** The same for emissions, in gCO2e. */
  public double predictedCo2Grams() {
    return predicted.map(f -> f.emissionsGrams().point()).orElse(Double.NaN);
  }
}
