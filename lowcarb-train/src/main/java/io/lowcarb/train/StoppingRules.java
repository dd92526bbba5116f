package io.lowcarb.train;

import io.lowcarb.train.forecast.Forecast;
import java.util.List;
import java.util.Optional;

/**
 * When a training stops, decided after each epoch from the epochs so far: target accuracy, energy
 * budget, CO2 budget, a prediction over a budget (unless forced), and patience. The first rule
 * that holds names the reason.
 *
 * <p>Spending is compared with a budget as measured. The prediction made after the last epoch
 * (see {@link io.lowcarb.train.forecast.Forecaster}) is compared on the settings' {@link
 * BudgetBasis}: by default its interval's upper end, so that a run stops before it is likely to
 * overrun, not after.
 */
public final class StoppingRules {
  private final TrainSettings settings;

  public StoppingRules(TrainSettings settings) {
    this.settings = settings;
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
    if (last.epoch() < settings.epochs() && !settings.force() && last.forecast().filter(this::overBudget).isPresent()) {
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

  /** Whether the predicted total, on the settings' basis, exceeds the energy or the CO2 budget. */
  public boolean overBudget(Forecast f) {
    BudgetBasis basis = settings.budgetOn();
    return (settings.maxEnergyKwh().isPresent() && basis.of(f.energyKwh()) > settings.maxEnergyKwh().getAsDouble())
        || (settings.maxCo2Grams().isPresent() && basis.of(f.emissionsGrams()) > settings.maxCo2Grams().getAsDouble());
  }
}
