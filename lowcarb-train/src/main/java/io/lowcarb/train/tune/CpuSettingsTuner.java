package io.lowcarb.train.tune;

import ai.djl.pytorch.jni.JniUtils;
import io.lowcarb.energy.Meter;
import io.lowcarb.train.BatchSizeTuner;
import io.lowcarb.train.TrainingProgress;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.ModelSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Finds the CPU thread count and batch size that train to a target accuracy with the least energy
 * (or the least energy-time cost): for each thread count, {@link BatchSizeTuner} tries every batch
 * size from the same seed. PyTorch's intra-op thread count is set between trials; it is put back
 * afterwards.
 */
public final class CpuSettingsTuner {
  private final Meter meter;
  private final IntConsumer setThreads;

  /** A tuner that sets PyTorch's intra-op threads through DJL. */
  public CpuSettingsTuner(Meter meter) {
    this(meter, JniUtils::setNumThreads);
  }

  CpuSettingsTuner(Meter meter, IntConsumer setThreads) {
    this.meter = meter;
    this.setThreads = setThreads;
  }

  /**
   * One thread count and batch size's trial.
   *
   * @param threads intra-op threads
   * @param trial the batch size's trial at that thread count
   */
  public record Trial(int threads, BatchSizeTuner.Trial trial) {}

  /** Tries every thread count with every batch size; see {@link BatchSizeTuner#tune}. */
  public List<Trial> tune(List<Integer> threads, ModelSpec spec, Split data, List<Integer> batchSizes, double target,
      int maxEpochs, float learningRate, long seed, Path work, TrainingProgress progress) throws IOException {
    ai.djl.engine.Engine.getEngine("PyTorch"); // loads the native library that holds the thread count
    int before = JniUtils.getNumThreads();
    List<Trial> trials = new ArrayList<>();
    try {
      for (int t : threads) {
        setThreads.accept(t);
        for (BatchSizeTuner.Trial trial : new BatchSizeTuner(meter).tune(spec, data, batchSizes, target, maxEpochs,
            learningRate, seed, work.resolve("threads-" + t), progress)) {
          trials.add(new Trial(t, trial));
        }
      }
    } finally {
      setThreads.accept(before);
    }
    return trials;
  }

  /** The trial that reached the target at the least cost, if any did. */
  public static Optional<Trial> best(List<Trial> trials, EnergyTimeCost cost) {
    return trials.stream().filter(t -> t.trial().reached())
        .min(Comparator.comparingDouble(t -> cost.of(t.trial().energyKwh() * 3.6e6, t.trial().seconds())));
  }
}
