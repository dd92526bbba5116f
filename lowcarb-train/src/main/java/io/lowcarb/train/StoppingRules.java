package io.lowcarb.train;

import java.util.List;
import java.util.Optional;

/**
 * When a training stops, decided after each epoch from the epochs so far: target accuracy,
 * energy budget, CO2 budget, a prediction over the CO2 budget after epoch 1 (unless forced), and
 * patience. The first rule that holds names the reason.
 */
public final class StoppingRules {
  private final TrainSettings settings;

  public StoppingRules(TrainSettings settings) {
    this.settings = settings;
  }

  /** The whole run's predicted CO2e in g, from the first epoch: its emissions times the epochs planned. */
  public double predictedGrams(EpochResult first) {
    return first.co2Grams() * settings.epochs();
  }

  /** The whole run's predicted energy in kWh, from the first epoch. */
  public double predictedKwh(EpochResult first) {
    return first.energyKwh() * settings.epochs();
  }

  /** Why to stop after the last of {@code epochs}, or empty to go on (the epoch limit is the caller's). */
  public Optional<String> stop(List<EpochResult> epochs) {
    EpochResult last = epochs.getLast();
    double kwh = epochs.stream().mapToDouble(EpochResult::energyKwh).sum();
    double grams = epochs.stream().mapToDouble(EpochResult::co2Grams).sum();
    if (settings.targetAccuracy().isPresent() && last.validationAccuracy() >= settings.targetAccuracy().getAsDouble()) {
      return Optional.of("target-accuracy");
    }
    if (settings.maxEnergyKwh().isPresent() && kwh >= settings.maxEnergyKwh().getAsDouble()) {
      return Optional.of("energy-budget");
    }
    if (settings.maxCo2Grams().isPresent() && grams >= settings.maxCo2Grams().getAsDouble()) {
      return Optional.of("co2-budget");
    }
    if (epochs.size() == 1 && settings.epochs() > 1 && settings.maxCo2Grams().isPresent() && !settings.force()
        && predictedGrams(last) > settings.maxCo2Grams().getAsDouble()) {
      return Optional.of("predicted-over-budget");
    }
    if (settings.patience() > 0 && epochs.size() > settings.patience()) {
      double best = epochs.subList(0, epochs.size() - settings.patience()).stream()
          .mapToDouble(EpochResult::validationAccuracy).max().orElse(0);
      boolean improved = epochs.subList(epochs.size() - settings.patience(), epochs.size()).stream()
          .anyMatch(e -> e.validationAccuracy() > best);
      if (!improved) {
        return Optional.of("patience");
      }
    }
    return Optional.empty();
  }
}
