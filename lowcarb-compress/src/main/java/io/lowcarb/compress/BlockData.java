package io.lowcarb.compress;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.ArrayDataset;
import io.lowcarb.train.data.LabeledData;
import java.util.Arrays;

/** Labelled data fed to DJL blocks: the batches of the fine-tuning loops, and accuracy. */
public final class BlockData {
  private BlockData() {}

  /** The share of {@code test} that {@code block} classifies right, a fraction; batches of 512. */
  public static double accuracy(Block block, NDManager parent, LabeledData test) {
    long correct = 0;
    int size = test.exampleSize();
    try (NDManager manager = parent.newSubManager()) {
      for (int from = 0; from < test.size(); from += 512) {
        int n = Math.min(512, test.size() - from);
        float[] x = Arrays.copyOfRange(test.features(), from * size, (from + n) * size);
        NDArray input = manager.create(x, batchShape(test.shape(), n));
        NDArray scores = block.forward(new ParameterStore(manager, false), new NDList(input), false).singletonOrThrow();
        long[] predicted = scores.argMax(1).toLongArray();
        for (int i = 0; i < n; i++) {
          if (predicted[i] == test.labels()[from + i]) {
            correct++;
          }
        }
      }
    }
    return test.size() == 0 ? 0 : (double) correct / test.size();
  }

  /** {@code example}'s shape with a leading batch dimension. */
  public static Shape batchShape(long[] example, long batch) {
    long[] shape = new long[example.length + 1];
    shape[0] = batch;
    System.arraycopy(example, 0, shape, 1, example.length);
    return new Shape(shape);
  }

  /** {@code data} as a shuffled DJL dataset of {@code batch}-sized batches. */
  public static ArrayDataset dataset(NDManager manager, LabeledData data, int batch) {
    NDArray x = manager.create(data.features(), batchShape(data.shape(), data.size()));
    long[] labels = new long[data.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = data.labels()[i];
    }
    return new ArrayDataset.Builder().setData(x).optLabels(manager.create(labels)).setSampling(batch, true).build();
  }
}
