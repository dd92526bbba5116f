package io.lowcarb.fl.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.fl.FlatWeights;
import io.lowcarb.fl.InitialModel;
import io.lowcarb.train.data.Digits;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.ModelSpec;
import org.junit.jupiter.api.Test;

class LocalTrainerTest {
  private static final Split DIGITS = Split.of(Digits.load(), 0.2, 42);

  @Test
  void oneEpochOfSgdLearnsTheDigits() {
    Checkpoint initial = InitialModel.of(ModelSpec.mlp(32, 10), DIGITS.train(), 7);
    float[] start = FlatWeights.flatten(initial);
    try (LocalTrainer trainer = new LocalTrainer(initial, DIGITS.train().shape())) {
      double before = trainer.accuracy(start, DIGITS.test());
      LocalResult r = trainer.train(start, DIGITS.train(), new LocalSettings(1, 10, 0.05f, 0, 1));
      double after = trainer.accuracy(r.weights(), DIGITS.test());
      assertThat(before).isLessThan(0.3);
      assertThat(after).isGreaterThan(0.85);
      assertThat(r.examples()).isEqualTo(DIGITS.train().size());
      assertThat(r.meanLoss()).isPositive();
    }
  }

  @Test
  void theProximalTermKeepsTheModelNearTheGlobalOne() {
    Checkpoint initial = InitialModel.of(ModelSpec.mlp(32, 10), DIGITS.train(), 7);
    float[] start = FlatWeights.flatten(initial);
    try (LocalTrainer trainer = new LocalTrainer(initial, DIGITS.train().shape())) {
      float[] free = trainer.train(start, DIGITS.train(), new LocalSettings(1, 20, 0.05f, 0, 1)).weights();
      float[] held = trainer.train(start, DIGITS.train(), new LocalSettings(1, 20, 0.05f, 1.0, 1)).weights();
      assertThat(distance(held, start)).isLessThan(distance(free, start) * 0.9);
    }
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }
}
