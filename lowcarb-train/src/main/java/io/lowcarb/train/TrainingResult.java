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
 * @param report the footprint of this session (this start or this resume)
 * @param totalKwh energy of every session of this training, in kWh
 * @param totalGrams emissions of every session, in gCO2e
 * @param sessions how many sessions (1 plus the resumes)
 */
public record TrainingResult(
    double accuracy,
    List<EpochResult> epochs,
    double predictedEnergyKwh,
    double predictedCo2Grams,
    String stoppedBecause,
    String checkpoint,
    EnergyReport report,
    double totalKwh,
    double totalGrams,
    int sessions) {}
