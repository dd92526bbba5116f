package io.lowcarb.compress;

import io.lowcarb.energy.Clock;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.Measurement;
import io.lowcarb.energy.Meter;
import io.lowcarb.train.data.LabeledData;
import java.time.Duration;
import java.util.Arrays;

/**
 * Measures a model on ONNX Runtime: accuracy on the data, latency at batch size 1, throughput at
 * batch size 64, and the energy and CO2e of 1,000 inferences, measured by a meter over the
 * throughput run.
 */
public final class InferenceBenchmark {
  /** The batch size of the throughput and energy run. */
  public static final int THROUGHPUT_BATCH = 64;

  private final Meter meter;
  private final Clock clock;
  private final int latencyRuns;
  private final Duration throughputTime;

  /**
   * @param meter measures the throughput run; its intensity and PUE turn energy into CO2e
   * @param clock times the inferences
   * @param latencyRuns inferences at batch size 1 timed one by one (at least 1)
   * @param throughputTime how long the throughput run lasts at least: longer runs give steadier
   *     energy figures
   */
  public InferenceBenchmark(Meter meter, Clock clock, int latencyRuns, Duration throughputTime) {
    if (latencyRuns < 1) {
      throw new IllegalArgumentException("latency runs must be at least 1, got " + latencyRuns);
    }
    if (throughputTime.isNegative()) {
      throw new IllegalArgumentException("the throughput time cannot be negative, got " + throughputTime);
    }
    this.meter = meter;
    this.clock = clock;
    this.latencyRuns = latencyRuns;
    this.throughputTime = throughputTime;
  }

  /** Measures {@code model} on {@code data}, which must hold at least one example. */
  public InferenceCost run(OnnxModel model, LabeledData data) {
    if (data.size() == 0) {
      throw new IllegalArgumentException(data.name() + " holds no examples to run the model on");
    }
    double accuracy = model.accuracy(data);
    int n = data.exampleSize();
    float[] features = data.features();

    // Warm up, then time single examples.
    int warmUp = Math.min(20, latencyRuns);
    for (int i = 0; i < warmUp; i++) {
      model.predict(Arrays.copyOfRange(features, (i % data.size()) * n, (i % data.size() + 1) * n), 1);
    }
    double[] millis = new double[latencyRuns];
    for (int i = 0; i < latencyRuns; i++) {
      int e = i % data.size();
      float[] one = Arrays.copyOfRange(features, e * n, (e + 1) * n);
      long t0 = clock.monotonicNanos();
      model.predict(one, 1);
      millis[i] = (clock.monotonicNanos() - t0) / 1e6;
    }
    Arrays.sort(millis);

    float[][] batches = batches(features, n, data.size());
    long inferences = 0;
    long t0 = clock.monotonicNanos();
    long elapsed;
    EnergyReport energy;
    try (Measurement m = meter.start("infer " + model.file().getFileName() + " on " + data.name())) {
      int b = 0;
      do {
        model.predict(batches[b], batches[b].length / n);
        inferences += batches[b].length / n;
        b = (b + 1) % batches.length;
        elapsed = clock.monotonicNanos() - t0;
      } while (elapsed < throughputTime.toNanos() || inferences < data.size()); // and one pass at least
      energy = m.stop();
    }
    double seconds = elapsed / 1e9;
    return new InferenceCost(accuracy, model.params(), model.nonzeroParams(), model.sizeBytes(),
        percentile(millis, 0.50), percentile(millis, 0.99), inferences / Math.max(seconds, 1e-9),
        energy.joules() / inferences * 1000, energy.emissionsGrams() / inferences * 1000,
        energy.intensity().gPerKwh(), energy.intensity().zone(),
        data.size() + warmUp + latencyRuns + inferences);
  }

  /** The data cut into batches of {@value #THROUGHPUT_BATCH} examples (the last may be smaller). */
  private static float[][] batches(float[] features, int n, int size) {
    int count = (size + THROUGHPUT_BATCH - 1) / THROUGHPUT_BATCH;
    float[][] batches = new float[count][];
    for (int b = 0; b < count; b++) {
      int from = b * THROUGHPUT_BATCH;
      int to = Math.min(size, from + THROUGHPUT_BATCH);
      batches[b] = Arrays.copyOfRange(features, from * n, to * n);
    }
    return batches;
  }

  /** The nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
  }
}
