package io.lowcarb.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import io.lowcarb.train.data.Digits;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.ModelSpec;
import org.junit.jupiter.api.Test;

class TrainingStepsTest {
  @Test
  void eachRunTrainsTheSameNumberOfBatchesAndTheModelKeepsLearning() throws Exception {
    Split digits = Split.of(Digits.load(), 0.2, 3);
    // 30 batches of 64 go round the ~1,400 training examples more than once.
    try (TrainingSteps steps = new TrainingSteps(ModelSpec.mlp(64, 10), digits, 64, 30, 0.003f, 3, Device.cpu())) {
      assertThat(steps.device()).isEqualTo(Device.cpu());
      double first = steps.run();
      double second = steps.run();
      double third = steps.run();
      assertThat(first).isGreaterThan(second);
      assertThat(second).isGreaterThan(third);
    }
  }

  @Test
  void refusesEmptyWork() {
    Split digits = Split.of(Digits.load(), 0.2, 3);
    assertThatThrownBy(() -> new TrainingSteps(ModelSpec.mlp(64, 10), digits, 64, 0, 0.003f, 3, Device.cpu()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }
}
