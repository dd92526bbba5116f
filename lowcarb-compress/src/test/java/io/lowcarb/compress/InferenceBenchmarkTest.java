package io.lowcarb.compress;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.energy.Clock;
import io.lowcarb.energy.Meter;
import io.lowcarb.train.data.Digits;
import io.lowcarb.train.data.LabeledData;
import io.lowcarb.train.model.ModelSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's figures on a small MLP with random weights, built without an engine. */
class InferenceBenchmarkTest {
  @TempDir Path dir;

  @Test
  void measuresLatencyThroughputAndEnergyPerThousand() throws Exception {
    Random random = new Random(1);
    Checkpoint checkpoint = new Checkpoint(ModelSpec.mlp(16, 10), 0.3, 0.4, List.of(
        Map.of(), Map.of("weight", random(random, 16, 64), "bias", random(random, 16)), Map.of(),
        Map.of("weight", random(random, 10, 16), "bias", random(random, 10))));
    Path file = dir.resolve("mlp.onnx");
    OnnxExport.write(checkpoint, new long[] {1, 8, 8}, file);
    LabeledData digits = Digits.load();
    try (OnnxModel model = OnnxModel.open(file); Meter meter = Meter.builder().zone("ES").build()) {
      InferenceCost cost = new InferenceBenchmark(meter, Clock.SYSTEM, 100, Duration.ofMillis(300)).run(model, digits);
      assertThat(cost.accuracy()).isBetween(0.0, 1.0);
      assertThat(cost.params()).isEqualTo(16 * 64 + 16 + 10 * 16 + 10).isEqualTo(checkpoint.params());
      assertThat(cost.nonzeroParams()).isEqualTo(cost.params());
      assertThat(cost.latencyMsP50()).isPositive().isLessThanOrEqualTo(cost.latencyMsP99());
      assertThat(cost.throughputPerSecond()).isPositive();
      assertThat(cost.energyJoulesPer1k()).isPositive();
      assertThat(cost.emissionsGramsPer1k()).isPositive();
      assertThat(cost.zone()).isEqualTo("ES");
    }
  }

  @Test
  void percentilesAreNearestRank() {
    double[] sorted = new double[100];
    for (int i = 0; i < 100; i++) {
      sorted[i] = i + 1;
    }
    assertThat(InferenceBenchmark.percentile(sorted, 0.5)).isEqualTo(50);
    assertThat(InferenceBenchmark.percentile(sorted, 0.99)).isEqualTo(99);
    assertThat(InferenceBenchmark.percentile(new double[] {7}, 0.99)).isEqualTo(7);
  }

  private static Tensor random(Random random, long... shape) {
    int n = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian() * 0.1f;
    }
    return new Tensor(shape, v);
  }
}
