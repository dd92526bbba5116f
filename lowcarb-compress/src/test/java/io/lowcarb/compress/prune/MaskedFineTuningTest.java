package io.lowcarb.compress.prune;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.OnnxExport;
import io.lowcarb.compress.OnnxModel;
import io.lowcarb.compress.Tensor;
import io.lowcarb.energy.Meter;
import io.lowcarb.train.GreenTrainer;
import io.lowcarb.train.TrainSettings;
import io.lowcarb.train.TrainingProgress;
import io.lowcarb.train.data.Digits;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.LayerSpec;
import io.lowcarb.train.model.ModelSpec;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pruning 90 % of a digits MLP with the masks held through fine-tuning. */
class MaskedFineTuningTest {
  private static final Split DIGITS = Split.of(Digits.load(), 0.2, 42);

  @TempDir Path dir;

  @Test
  void ninetyPercentOfTheWeightsStayZeroThroughFineTuningAndTheAccuracyHolds() throws Exception {
    Path dense = train(ModelSpec.mlp(128, 10), 6);
    Path out = dir.resolve("pruned");
    int stepsPerEpoch = (int) Math.ceil(DIGITS.train().size() / 32.0);
    FineTuneSettings settings = new FineTuneSettings(GradualSchedule.over(0.9, 2L * stepsPerEpoch, 8),
        MagnitudePruning.Scope.GLOBAL, 3, 32, 0.005f, 7, out);
    PruneResult result;
    try (Meter meter = Meter.builder().zone("ES").build()) {
      result = new MaskedFineTuning(meter).run(dense, DIGITS, settings);
    }
    System.out.printf("mlp-128 on digits: dense %.4f, pruned 90%% at once %.4f, after %d steps of fine-tuning %.4f"
        + " (sparsity %.4f, %.3g kWh)%n", result.denseAccuracy(), result.prunedAccuracy(), result.steps(),
        result.accuracy(), result.masks().sparsity(), result.energy().kwh());

    Checkpoint written = Checkpoint.read(result.checkpoint());
    assertThat(result.checkpoint()).isEqualTo(out.resolve("model-0003.params"));
    long prunable = 0;
    long zeros = 0;
    for (var e : MagnitudePruning.prunable(written).entrySet()) {
      Tensor w = e.getValue();
      boolean[] keep = result.masks().keep().get(e.getKey());
      prunable += w.size();
      zeros += w.size() - w.nonzero();
      for (int i = 0; i < keep.length; i++) {
        if (!keep[i]) {
          assertThat(w.values()[i]).as("pruned weight %d of layer %d", i, e.getKey()).isZero();
        }
      }
    }
    assertThat(prunable).isEqualTo(64 * 128 + 128 * 10);
    assertThat((double) zeros).isCloseTo(0.9 * prunable, org.assertj.core.data.Offset.offset(1.0));
    assertThat(result.masks().pruned()).isEqualTo(Math.round(0.9 * prunable));
    // Biases are not pruned.
    assertThat(written.weights().get(1).get("bias").nonzero()).isEqualTo(128);
    assertThat(result.accuracy()).isGreaterThanOrEqualTo(result.denseAccuracy() - 0.05);

    Path onnx = dir.resolve("pruned.onnx");
    OnnxExport.write(written, DIGITS.test().shape(), onnx);
    try (OnnxModel model = OnnxModel.open(onnx)) {
      assertThat(model.accuracy(DIGITS.test())).isCloseTo(result.accuracy(), org.assertj.core.data.Offset.offset(0.003));
      assertThat(model.params() - model.nonzeroParams()).isEqualTo(zeros);
      StorageReport fp32 = SparseFile.write(written, SparseFile.Encoding.FP32, dir.resolve("pruned.lcsp"));
      StorageReport int8 = SparseFile.write(written, SparseFile.Encoding.INT8, dir.resolve("pruned.lcsp8"));
      System.out.printf("sizes: ONNX fp32 %d B, dense fp32 %d B, sparse fp32 %d B (%.3f), sparse int8 %d B (%.3f)%n",
          model.sizeBytes(), fp32.denseBytes(), fp32.fileBytes(), fp32.ratio(), int8.fileBytes(), int8.ratio());
      assertThat(fp32.nonzero()).isEqualTo(model.nonzeroParams());
      assertThat(int8.fileBytes()).isLessThan(fp32.fileBytes()).isLessThan(fp32.denseBytes() / 4);
    }
  }

  @Test
  void aCnnWithBatchNormIsPrunedLayerByLayerAndItsBatchNormIsLeftWhole() throws Exception {
    ModelSpec cnn = new ModelSpec("small-cnn", java.util.List.of(
        new LayerSpec.Conv2d(8, 3, 1), new LayerSpec.BatchNorm(), new LayerSpec.Relu(), new LayerSpec.MaxPool(2),
        new LayerSpec.Flatten(), new LayerSpec.Dense(32), new LayerSpec.Relu(), new LayerSpec.Dense(10)));
    Path dense = train(cnn, 2);
    FineTuneSettings settings = new FineTuneSettings(GradualSchedule.oneShot(0.5), MagnitudePruning.Scope.PER_LAYER,
        1, 32, 0.003f, 7, dir.resolve("pruned-cnn"));
    PruneResult result;
    try (Meter meter = Meter.builder().zone("ES").build()) {
      result = new MaskedFineTuning(meter).run(dense, DIGITS, settings);
    }
    System.out.printf("small-cnn on digits: dense %.4f, pruned 50%% per layer %.4f, fine-tuned %.4f%n",
        result.denseAccuracy(), result.prunedAccuracy(), result.accuracy());
    Checkpoint written = Checkpoint.read(result.checkpoint());
    for (int layer : new int[] {0, 5, 7}) {
      Tensor w = written.weights().get(layer).get("weight");
      assertThat(w.size() - w.nonzero()).as("zeros in layer %d", layer).isEqualTo(Math.round(0.5 * w.size()));
    }
    assertThat(written.weights().get(1).get("gamma").nonzero()).isEqualTo(8);
    assertThat(written.weights().get(1).get("runningVar").nonzero()).isEqualTo(8);
    assertThat(result.accuracy()).isGreaterThanOrEqualTo(result.denseAccuracy() - 0.05);
  }

  @Test
  void halvingTheHiddenNeuronsThenFineTuningGivesASmallerModelThatHoldsItsAccuracy() throws Exception {
    Checkpoint dense = Checkpoint.read(train(ModelSpec.mlp(128, 10), 6));
    Checkpoint smaller = NeuronPruning.shrunk(dense, NeuronPruning.plan(dense, 0.5));
    assertThat(smaller.spec().layers().get(1)).isEqualTo(new LayerSpec.Dense(64));
    FineTuneSettings settings = new FineTuneSettings(GradualSchedule.oneShot(0), MagnitudePruning.Scope.GLOBAL, 2, 32,
        0.003f, 7, dir.resolve("smaller"));
    PruneResult result;
    try (Meter meter = Meter.builder().zone("ES").build()) {
      result = new MaskedFineTuning(meter).run(smaller, DIGITS, settings);
    }
    double denseAccuracy = MaskedFineTuning.accuracy(dense, DIGITS.test().shape(),
        DIGITS.test().standardised(dense.inputMean(), dense.inputStd()));
    System.out.printf("mlp-128 -> mlp-64 on digits: params %d -> %d, accuracy %.4f, removed %.4f, fine-tuned %.4f%n",
        dense.params(), smaller.params(), denseAccuracy, result.denseAccuracy(), result.accuracy());
    assertThat(Checkpoint.read(result.checkpoint()).spec()).isEqualTo(smaller.spec());
    assertThat(result.accuracy()).isGreaterThanOrEqualTo(denseAccuracy - 0.05);
  }

  private Path train(ModelSpec spec, int epochs) throws Exception {
    TrainSettings settings = new TrainSettings(epochs, 32, 0.003f, 1f, 42, OptionalDouble.empty(),
        OptionalDouble.empty(), OptionalDouble.empty(), 0, false, dir.resolve("dense-" + spec.name()), false, Optional.empty(),
        Set.of(), true);
    try (Meter meter = Meter.builder().zone("ES").build()) {
      return Path.of(new GreenTrainer(meter).train(spec, DIGITS, settings, TrainingProgress.NONE).checkpoint());
    }
  }
}
