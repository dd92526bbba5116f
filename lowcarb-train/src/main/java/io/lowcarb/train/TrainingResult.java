package io.lowcarb.train;

import io.lowcarb.energy.EnergyReport;
import java.util.List;

/**
 * A finished training.
 *
 * @param accuracy accuracy on the test part, 0..1
 * @param epochs every epoch run
 * @param predictedEnergyKwh the whole run's energy as predicted after epoch 1, in kWh
 * @param predictedCo2Grams the same for emissions, in gCO2e
 * @param stoppedBecause {@code epochs}, {@code target-accuracy}, {@code energy-budget}, {@code
 *     co2-budget}, {@code patience} or {@code predicted-over-budget}
 * @param checkpoint the last checkpoint
 * @param report the footprint of the whole run
 */
public record TrainingResult(
    double accuracy,
    List<EpochResult> epochs,
    double predictedEnergyKwh,
    double predictedCo2Grams,
    String stoppedBecause,
    String checkpoint,
    EnergyReport report) {}
