package io.lowcarb.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.energy.Meter;
import io.lowcarb.energy.Scope;
import io.lowcarb.train.data.Digits;
import io.lowcarb.train.data.LabeledData;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.forecast.Forecast;
import io.lowcarb.train.model.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real engine on the real embedded data: the MLP reaches 0.95 test accuracy within 20 epochs. */
class DigitsTrainingTest {
  @TempDir Path out;

  @Test
  void theMlpLearnsTheDigitsWithEnergyPerEpoch() throws Exception {
    LabeledData digits = Digits.load();
    assertThat(digits.size()).isEqualTo(1797);
    Split split = Split.of(digits, 0.2, 42);
    TrainSettings settings = new TrainSettings(20, 32, 0.003f, 1f, 42, OptionalDouble.of(0.98), OptionalDouble.empty(),
        OptionalDouble.empty(), 0, false, out, false, java.util.Optional.empty(), java.util.Set.of(), false);
    try (Meter meter = Meter.builder().zone("ES").scope(Scope.PROCESS).build()) {
      TrainingResult r = new GreenTrainer(meter).train(ModelSpec.mlp(128, 10), split, settings, TrainingProgress.NONE);
      assertThat(r.accuracy()).isGreaterThanOrEqualTo(0.95);
      assertThat(r.epochs()).isNotEmpty().hasSizeLessThanOrEqualTo(20);
      assertThat(r.epochs()).allSatisfy(e -> {
        assertThat(e.energyKwh()).isPositive();
        assertThat(e.co2Grams()).isPositive();
        assertThat(e.samplesPerSecond()).isPositive();
        assertThat(Path.of(e.checkpoint())).exists();
      });
      assertThat(r.predictedEnergyKwh()).isPositive();
      assertThat(r.report().kwh()).isGreaterThanOrEqualTo(r.epochs().stream().mapToDouble(EpochResult::energyKwh).sum() * 0.999);
      assertThat(Files.readString(out.resolve("model.json"))).contains("\"dense\"");
    }
  }

  @Test
  void everyEpochCarriesThePredictionAsItStoodThen() throws Exception {
    TrainSettings settings = new TrainSettings(3, 64, 0.003f, 1f, 3, OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), 0, false, out, false, java.util.Optional.empty(), java.util.Set.of(), false);
    try (Meter meter = Meter.builder().zone("ES").scope(Scope.PROCESS).build()) {
      TrainingResult r = new GreenTrainer(meter).train(ModelSpec.mlp(32, 10), Split.of(Digits.load(), 0.2, 3), settings,
          TrainingProgress.NONE);
      assertThat(r.epochs()).hasSize(3);
      for (EpochResult e : r.epochs()) {
        Forecast f = e.forecast().orElseThrow();
        assertThat(f.afterEpoch()).isEqualTo(e.epoch());
        assertThat(f.epochs()).isEqualTo(3);
        assertThat(f.energyKwh().low()).isLessThanOrEqualTo(f.energyKwh().point());
        assertThat(f.energyKwh().high()).isGreaterThan(f.energyKwh().point()); // the meter's estimate is never exact
        assertThat(f.seconds().point()).isPositive();
        assertThat(f.emissionsGrams().point()).isPositive();
        assertThat(f.spentKwh()).isPositive().isLessThanOrEqualTo(r.totalKwh());
      }
      assertThat(r.predicted()).isEqualTo(r.epochs().getFirst().forecast());
      // After the last epoch only the test pass is left to predict: the total lies in the interval.
      Forecast last = r.epochs().getLast().forecast().orElseThrow();
      assertThat(last.energyKwh().contains(r.totalKwh())).as("%s in %s", r.totalKwh(), last.energyKwh()).isTrue();
      assertThat(Ledger.read(out).epochs().getLast().forecast()).isEqualTo(r.epochs().getLast().forecast());
      assertThat(r.totalSeconds()).isPositive();
    }
  }

  @Test
  void validatingOnTheTestPartDecidesOnWhatIsReported() throws Exception {
    TrainSettings settings = new TrainSettings(3, 64, 0.003f, 1f, 7, OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), 0, false, out, false, java.util.Optional.empty(), java.util.Set.of(), true);
    try (Meter meter = Meter.builder().zone("ES").build()) {
      TrainingResult r = new GreenTrainer(meter).train(ModelSpec.mlp(32, 10), Split.of(Digits.load(), 0.2, 7), settings,
          TrainingProgress.NONE);
      // The last epoch was judged on the test part with the final weights: the same figure.
      assertThat(r.epochs().getLast().validationAccuracy()).isEqualTo(r.accuracy());
    }
  }
}
