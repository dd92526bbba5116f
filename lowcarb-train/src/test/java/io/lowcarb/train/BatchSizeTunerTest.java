package io.lowcarb.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.energy.Meter;
import io.lowcarb.train.data.Digits;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.ModelSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchSizeTunerTest {
  @TempDir Path work;

  @Test
  void triesEveryCandidateAndPicksTheCheapestThatReachedTheTarget() throws Exception {
    Split digits = Split.of(Digits.load(), 0.2, 3);
    try (Meter meter = Meter.builder().zone("NO").build()) {
      List<BatchSizeTuner.Trial> trials = new BatchSizeTuner(meter)
          .tune(ModelSpec.mlp(64, 10), digits, List.of(32, 128), 0.9, 8, 0.003f, 3, work, TrainingProgress.NONE);
      assertThat(trials).extracting(BatchSizeTuner.Trial::batchSize).containsExactly(32, 128);
      assertThat(trials).allSatisfy(t -> {
        assertThat(t.energyKwh()).isPositive();
        assertThat(t.epochs()).isBetween(1, 8);
      });
      BatchSizeTuner.Trial best = BatchSizeTuner.best(trials).orElseThrow();
      assertThat(best.reached()).isTrue();
      assertThat(trials.stream().filter(BatchSizeTuner.Trial::reached))
          .allSatisfy(t -> assertThat(best.energyKwh()).isLessThanOrEqualTo(t.energyKwh()));
    }
  }

  @Test
  void noWinnerWhenNothingReachesTheTarget() {
    assertThat(BatchSizeTuner.best(List.of(new BatchSizeTuner.Trial(8, false, 3, 1, 1, 1, 0.5)))).isEmpty();
  }
}
