package io.lowcarb.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import io.lowcarb.train.forecast.Estimate;
import io.lowcarb.train.forecast.Forecast;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StoppingRulesTest {
  static final OptionalDouble NONE = OptionalDouble.empty();

  static TrainSettings settings(OptionalDouble target, OptionalDouble kwh, OptionalDouble grams, int patience, boolean force) {
    return new TrainSettings(20, 32, 0.001f, 1f, 1, target, kwh, grams, patience, force, Path.of("out"), false, java.util.Optional.empty(), java.util.Set.of(), false);
  }

  static EpochResult epoch(int n, double accuracy, double kwh, double grams) {
    return new EpochResult(n, 0.1, accuracy, kwh, grams, 1, 100, "ckpt");
  }

  @Test
  void eachRuleNamesItself() {
    List<EpochResult> one = List.of(epoch(1, 0.96, 0.01, 2));
    assertThat(new StoppingRules(settings(OptionalDouble.of(0.95), NONE, NONE, 0, false)).stop(one)).hasValue("target-accuracy");
    assertThat(new StoppingRules(settings(NONE, OptionalDouble.of(0.01), NONE, 0, false)).stop(one)).hasValue("energy-budget");
    assertThat(new StoppingRules(settings(NONE, NONE, OptionalDouble.of(2), 0, false)).stop(one)).hasValue("co2-budget");
  }

  /** An epoch whose forecast says 40 g (30 to 50 g) and 0.4 kWh (0.3 to 0.5 kWh) for the whole run. */
  static EpochResult forecastEpoch(int n) {
    Forecast f = new Forecast(n, 20, new Estimate(0.4, 0.3, 0.5), new Estimate(40, 30, 50), new Estimate(100, 90, 110),
        0.02, 10, 20);
    return new EpochResult(n, 0.1, 0.5, 0.01, 2, 1, 100, "ckpt", Optional.of(f));
  }

  @Test
  void aPredictionOverTheBudgetStopsUnlessForced() {
    List<EpochResult> one = List.of(forecastEpoch(1));
    assertThat(new StoppingRules(settings(NONE, NONE, OptionalDouble.of(35), 0, false)).stop(one)).hasValue("predicted-over-budget");
    assertThat(new StoppingRules(settings(NONE, NONE, OptionalDouble.of(35), 0, true)).stop(one)).isEmpty();
    assertThat(new StoppingRules(settings(NONE, NONE, OptionalDouble.of(60), 0, false)).stop(one)).isEmpty();
    assertThat(new StoppingRules(settings(NONE, OptionalDouble.of(0.35), NONE, 0, false)).stop(one)).hasValue("predicted-over-budget");
    assertThat(new StoppingRules(settings(NONE, OptionalDouble.of(0.6), NONE, 0, false)).stop(one)).isEmpty();
    // later epochs too: the prediction is refined and still held against the budget
    List<EpochResult> five = List.of(epoch(1, 0.5, 0.001, 0.1), epoch(2, 0.5, 0.001, 0.1), epoch(3, 0.5, 0.001, 0.1),
        epoch(4, 0.5, 0.001, 0.1), forecastEpoch(5));
    assertThat(new StoppingRules(settings(NONE, NONE, OptionalDouble.of(35), 0, false)).stop(five)).hasValue("predicted-over-budget");
  }

  @Test
  void budgetsActOnTheUpperEndByDefaultOrOnThePoint() {
    List<EpochResult> one = List.of(forecastEpoch(1));
    // 45 g: above the point (40 g), below the upper end (50 g)
    TrainSettings upper = settings(NONE, NONE, OptionalDouble.of(45), 0, false);
    assertThat(upper.budgetOn()).isEqualTo(BudgetBasis.UPPER);
    assertThat(new StoppingRules(upper).stop(one)).hasValue("predicted-over-budget");
    assertThat(new StoppingRules(upper.withBudgetOn(BudgetBasis.POINT)).stop(one)).isEmpty();
    // the same for energy: 0.45 kWh between the point (0.4) and the upper end (0.5)
    TrainSettings energy = settings(NONE, OptionalDouble.of(0.45), NONE, 0, false);
    assertThat(new StoppingRules(energy).stop(one)).hasValue("predicted-over-budget");
    assertThat(new StoppingRules(energy.withBudgetOn(BudgetBasis.POINT)).stop(one)).isEmpty();
    // on the point, a point over the budget stops
    assertThat(new StoppingRules(settings(NONE, NONE, OptionalDouble.of(39), 0, false).withBudgetOn(BudgetBasis.POINT))
        .stop(one)).hasValue("predicted-over-budget");
  }

  @Test
  void afterTheLastEpochNothingIsLeftToPredict() {
    TrainSettings last = new TrainSettings(1, 32, 0.001f, 1f, 1, NONE, NONE, OptionalDouble.of(35), 0, false, Path.of("out"),
        false, java.util.Optional.empty(), java.util.Set.of(), false);
    assertThat(new StoppingRules(last).stop(List.of(forecastEpoch(1)))).isEmpty();
  }

  @Test
  void patienceCountsEpochsWithoutABetterAccuracy() {
    StoppingRules rules = new StoppingRules(settings(NONE, NONE, NONE, 2, false));
    List<EpochResult> e = new ArrayList<>(List.of(epoch(1, 0.8, 0, 0), epoch(2, 0.9, 0, 0), epoch(3, 0.85, 0, 0)));
    assertThat(rules.stop(e)).isEmpty();
    e.add(epoch(4, 0.9, 0, 0)); // equal is not better
    assertThat(rules.stop(e)).hasValue("patience");
  }

  @Property
  void withoutRulesATrainingNeverStopsEarly(
      @ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = 0, max = 1) Double> accuracies) {
    StoppingRules rules = new StoppingRules(settings(NONE, NONE, NONE, 0, false));
    List<EpochResult> epochs = new ArrayList<>();
    for (double a : accuracies) {
      epochs.add(epoch(epochs.size() + 1, a, 1, 1000));
      assertThat(rules.stop(epochs)).isEmpty();
    }
  }
}
