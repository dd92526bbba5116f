package io.lowcarb.compress.quantize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.InferenceBenchmark;
import io.lowcarb.compress.InferenceCost;
import io.lowcarb.compress.OnnxExport;
import io.lowcarb.compress.OnnxModel;
import io.lowcarb.energy.Clock;
import io.lowcarb.energy.Meter;
import io.lowcarb.train.GreenTrainer;
import io.lowcarb.train.TrainSettings;
import io.lowcarb.train.TrainingProgress;
import io.lowcarb.train.TrainingResult;
import io.lowcarb.train.data.DatasetCache;
import io.lowcarb.train.data.DatasetSource;
import io.lowcarb.train.data.Datasets;
import io.lowcarb.train.data.LabeledData;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.ModelSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX Runtime throughput at batch 64, int8 QDQ against fp32, for the LeNet-style CNN on MNIST
 * (trained briefly on a slice). It prints the figures and asserts no timing: they depend on the CPU.
 */
class QdqThroughputTest {
  @TempDir Path dir;

  @Test
  void theInt8CnnOnMnistAgainstFp32() throws Exception {
    assumeTrue(DatasetCache.standard().cached(DatasetSource.MNIST).isPresent(), "MNIST is not cached");
    Split mnist = Datasets.load("mnist", "label", 0.2, 42, DatasetCache.standard());
    Split slice = new Split(first(mnist.train(), 3000), first(mnist.test(), 1000));
    ModelSpec spec = ModelSpec.cnn(10);
    TrainSettings settings = new TrainSettings(1, 64, 0.003f, 1f, 42, OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), 0, false, dir.resolve("train"), false, Optional.empty(), Set.of(), false);
    Checkpoint checkpoint;
    try (Meter meter = Meter.builder().zone("ES").build()) {
      TrainingResult trained = new GreenTrainer(meter).train(spec, slice, settings, TrainingProgress.NONE);
      checkpoint = Checkpoint.read(Path.of(trained.checkpoint()));
    }
    Path fp32 = dir.resolve("cnn.onnx");
    OnnxExport.write(checkpoint, slice.test().shape(), fp32);
    QuantizedModel q = QdqQuantizer.quantize(checkpoint, slice.test().shape(), slice.train(), slice.test(),
        QuantizeSettings.defaults(), dir.resolve("cnn-int8.onnx"));

    try (Meter meter = Meter.builder().zone("ES").build();
        OnnxModel f = OnnxModel.open(fp32);
        OnnxModel i = OnnxModel.open(q.file())) {
      InferenceBenchmark bench = new InferenceBenchmark(meter, Clock.SYSTEM, 20, Duration.ofSeconds(2));
      InferenceCost fc = bench.run(f, slice.test());
      InferenceCost ic = bench.run(i, slice.test());
      System.out.printf("mnist cnn fp32: accuracy %.4f, %d bytes, %.0f inferences/s at batch %d%n", fc.accuracy(),
          fc.sizeBytes(), fc.throughputPerSecond(), InferenceBenchmark.THROUGHPUT_BATCH);
      System.out.printf("mnist cnn int8: accuracy %.4f, %d bytes, %.0f inferences/s (%.2fx), int8 %s, fp32 %s%n",
          ic.accuracy(), ic.sizeBytes(), ic.throughputPerSecond(), ic.throughputPerSecond() / fc.throughputPerSecond(),
          q.quantizedLayers(), q.fp32Layers());
      assertThat(ic.accuracy()).isEqualTo(q.accuracy());
    }
  }

  private static LabeledData first(LabeledData data, int n) {
    int[] indices = new int[Math.min(n, data.size())];
    for (int k = 0; k < indices.length; k++) {
      indices[k] = k;
    }
    return data.select(indices, data.name());
  }
}
