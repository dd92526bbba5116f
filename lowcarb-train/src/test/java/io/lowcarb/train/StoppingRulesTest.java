package io.lowcarb.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
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

  @Test
  void epochOnesPredictionOverTheBudgetStopsUnlessForced() {
    List<EpochResult> one = List.of(epoch(1, 0.5, 0.01, 2)); // 20 epochs x 2 g = 40 g predicted
    assertThat(new StoppingRules(settings(NONE, NONE, OptionalDouble.of(30), 0, false)).stop(one)).hasValue("predicted-over-budget");
    assertThat(new StoppingRules(settings(NONE, NONE, OptionalDouble.of(30), 0, true)).stop(one)).isEmpty();
    assertThat(new StoppingRules(settings(NONE, NONE, OptionalDouble.of(50), 0, false)).stop(one)).isEmpty();
    assertThat(new StoppingRules(settings(NONE, NONE, NONE, 0, false)).predictedGrams(one.getFirst())).isEqualTo(40);
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
