package io.lowcarb.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lowcarb.energy.Meter;
import io.lowcarb.train.data.Digits;
import io.lowcarb.train.data.LabeledData;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.ModelSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transfer learning on the digits: learn 0-4, then 5-9 from a little data. */
class WarmStartTest {
  @TempDir Path dir;

  static LabeledData digits(int from, int to, int limit) {
    LabeledData all = Digits.load();
    int[] pick = IntStream.range(0, all.size()).filter(i -> all.labels()[i] >= from && all.labels()[i] <= to)
        .limit(limit).toArray();
    LabeledData part = all.select(pick, from + "-" + to);
    int[] relabelled = java.util.Arrays.stream(part.labels()).map(l -> l - from).toArray();
    return new LabeledData(part.name(), part.features(), relabelled, part.shape(), to - from + 1);
  }

  static TrainSettings settings(Path out, int epochs, Optional<Path> init, Set<Integer> freeze) {
    return new TrainSettings(epochs, 16, 0.003f, 1f, 5, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
        0, false, out, false, init, freeze, false);
  }

  /** The parameters saved in a checkpoint, by name. */
  static java.util.Map<String, float[]> parameters(Path checkpoint, ModelSpec spec) throws Exception {
    try (ai.djl.Model model = ai.djl.Model.newInstance("read")) {
      model.setBlock(io.lowcarb.train.model.Blocks.of(spec));
      String file = checkpoint.getFileName().toString();
      model.load(checkpoint.getParent(), "model", java.util.Map.of("epoch", file.substring(6, 10)));
      java.util.Map<String, float[]> out = new java.util.HashMap<>();
      for (var p : model.getBlock().getParameters()) {
        out.put(p.getKey(), p.getValue().getArray().toFloatArray());
      }
      return out;
    }
  }

  @Test
  void reusesTheLayersThatMatchAndTrainsOnlyThoseNotFrozen() throws Exception {
    ModelSpec spec = ModelSpec.mlp(64, 5);
    try (Meter meter = Meter.builder().zone("NO").build()) {
      GreenTrainer trainer = new GreenTrainer(meter);
      TrainingResult source = trainer.train(spec, Split.of(digits(0, 4, 900), 0.2, 1),
          settings(dir.resolve("source"), 2, Optional.empty(), Set.of()), TrainingProgress.NONE);
      List<WarmStart.Result> seen = new java.util.ArrayList<>();
      TrainingProgress watch = new TrainingProgress() {
        @Override
        public void warmStart(WarmStart.Result reused) {
          seen.add(reused);
        }
      };
      TrainingResult tuned = trainer.train(spec, Split.of(digits(5, 9, 200), 0.3, 1),
          settings(dir.resolve("target"), 2, Optional.of(Path.of(source.checkpoint())), Set.of(1)), watch);

      assertThat(seen).hasSize(1);
      assertThat(seen.getFirst().copied()).hasSize(2); // the hidden layer's weight and bias; the head starts fresh
      assertThat(seen.getFirst().fresh()).hasSize(2);
      var before = parameters(Path.of(source.checkpoint()), spec);
      var after = parameters(Path.of(tuned.checkpoint()), spec);
      List<String> weights = before.keySet().stream().filter(k -> k.endsWith("weight")).sorted().toList();
      assertThat(weights).as(before.keySet().toString()).hasSize(2);
      String hidden = weights.getFirst(); // layer 1 of the spec
      String head = weights.getLast(); // layer 3
      assertThat(after.get(hidden)).as("frozen: as pretrained").containsExactly(before.get(hidden));
      assertThat(after.get(head)).as("trained on the new task").isNotEqualTo(before.get(head));
    }
  }

  @Test
  void aCheckpointOfAnUnrelatedModelIsRefused() throws Exception {
    try (Meter meter = Meter.builder().zone("NO").build()) {
      GreenTrainer trainer = new GreenTrainer(meter);
      TrainingResult cnn = trainer.train(ModelSpec.cnn(10), Split.of(Digits.load(), 0.2, 1),
          settings(dir.resolve("cnn"), 1, Optional.empty(), Set.of()), TrainingProgress.NONE);
      assertThatThrownBy(() -> trainer.train(ModelSpec.mlp(64, 10), Split.of(Digits.load(), 0.2, 1),
          settings(dir.resolve("mlp"), 1, Optional.of(Path.of(cnn.checkpoint())), Set.of()), TrainingProgress.NONE))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match the model");
    }
  }
}
