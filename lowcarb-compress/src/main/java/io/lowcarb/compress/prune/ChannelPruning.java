package io.lowcarb.compress.prune;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.Tensor;
import io.lowcarb.train.model.LayerSpec;
import io.lowcarb.train.model.ModelSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Structured pruning of convolution filters: the filters whose weights have the smallest L2 norm
 * are removed, with their bias, their entries in the batch norms on the way ({@code gamma}, {@code
 * beta}, {@code runningMean}, {@code runningVar}), and the matching input channels of the next
 * convolution, or after a flatten the matching blocks of height x width input columns of the first
 * dense layer. Between the two layers only ReLU, max pooling, batch norm and dropout may stand: a
 * masked filter (weights, bias, and batch-norm gamma and beta zero) then gives a channel of zeros,
 * so the smaller model computes what the masked one does.
 */
public final class ChannelPruning {
  private static final String BIAS = "bias";
  private static final List<String> BATCH_NORM = List.of("gamma", "beta", "runningMean", "runningVar");

  /**
   * The filters each prunable convolution keeps.
   *
   * @param kept per layer index in the spec, the kept filters in ascending order
   * @param exampleShape the shape of one example, {@code {channels, height, width}}
   */
  public record Plan(Map<Integer, int[]> kept, long[] exampleShape) {
    public Plan {
      kept = Collections.unmodifiableMap(new TreeMap<>(kept));
      exampleShape = exampleShape.clone();
    }
  }

  /**
   * Where a convolution's output channels go.
   *
   * @param batchNorms the batch-norm layers between it and its reader
   * @param reader the layer whose weight reads the channels on its axis 1: a convolution or a dense layer
   * @param block the reader's input indices per channel: 1 for a convolution, height x width for a
   *     dense layer after a flatten
   */
  record Feed(List<Integer> batchNorms, int reader, int block) {}

  private ChannelPruning() {}

  /**
   * Plans to remove {@code fraction} of the filters of every prunable convolution (at least one
   * filter is kept), those with the smallest L2 norm.
   *
   * @param exampleShape the shape of one example, e.g. {@code {1, 28, 28}}
   * @param fraction in [0, 1)
   */
  public static Plan plan(Checkpoint checkpoint, long[] exampleShape, double fraction) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("the fraction of filters to remove must be in [0, 1), got " + fraction);
    }
    Map<Integer, int[]> kept = new TreeMap<>();
    for (int layer : feeds(checkpoint.spec(), exampleShape).keySet()) {
      kept.put(layer, Slices.strongest(checkpoint.weights().get(layer).get(MagnitudePruning.WEIGHT), fraction));
    }
    return new Plan(kept, exampleShape);
  }

  /** {@code checkpoint} with the removed filters masked: zero weights, bias, batch-norm scale and shift, and inputs. */
  public static Checkpoint masked(Checkpoint checkpoint, Plan plan) {
    return cut(checkpoint, plan, Slices::zeroOthers, false);
  }

  /** The smaller model: the removed filters gone from the spec and the weights. */
  public static Checkpoint shrunk(Checkpoint checkpoint, Plan plan) {
    return cut(checkpoint, plan, Slices::keep, true);
  }

  private static Checkpoint cut(Checkpoint checkpoint, Plan plan, Slices.Surgery surgery, boolean narrower) {
    List<Map<String, Tensor>> layers = Slices.copy(checkpoint);
    List<LayerSpec> specs = new ArrayList<>(checkpoint.spec().layers());
    Map<Integer, Feed> feeds = feeds(checkpoint.spec(), plan.exampleShape());
    plan.kept().forEach((layer, kept) -> {
      Feed feed = feeds.get(layer);
      Map<String, Tensor> conv = layers.get(layer);
      int filters = (int) conv.get(MagnitudePruning.WEIGHT).shape()[0];
      conv.put(MagnitudePruning.WEIGHT, surgery.apply(conv.get(MagnitudePruning.WEIGHT), 0, kept));
      conv.put(BIAS, surgery.apply(conv.get(BIAS), 0, kept));
      for (int norm : feed.batchNorms()) {
        Map<String, Tensor> params = layers.get(norm);
        // Masked, a channel's batch norm must give 0: only its scale and shift are zeroed.
        for (String name : narrower ? BATCH_NORM : BATCH_NORM.subList(0, 2)) {
          params.put(name, surgery.apply(params.get(name), 0, kept));
        }
      }
      Map<String, Tensor> reader = layers.get(feed.reader());
      Tensor in = reader.get(MagnitudePruning.WEIGHT);
      if (in.shape()[1] != (long) filters * feed.block()) {
        throw new IllegalArgumentException("layer " + feed.reader() + " of " + checkpoint.spec().name() + " reads "
            + in.shape()[1] + " inputs, not " + filters + " channels of " + feed.block()
            + ": is the example shape " + java.util.Arrays.toString(plan.exampleShape()) + " right?");
      }
      reader.put(MagnitudePruning.WEIGHT, surgery.apply(in, 1, Slices.blocks(kept, feed.block())));
      if (narrower && specs.get(layer) instanceof LayerSpec.Conv2d c) {
        specs.set(layer, new LayerSpec.Conv2d(kept.length, c.kernel(), c.padding()));
      }
    });
    return new Checkpoint(new ModelSpec(checkpoint.spec().name(), specs), checkpoint.inputMean(),
        checkpoint.inputStd(), layers);
  }

  /** The prunable convolutions by index, each with where its channels go. */
  static Map<Integer, Feed> feeds(ModelSpec spec, long[] exampleShape) {
    Map<Integer, Feed> feeds = new TreeMap<>();
    if (exampleShape.length != 3) {
      return feeds;
    }
    List<LayerSpec> layers = spec.layers();
    for (int i = 0; i < layers.size(); i++) {
      if (!(layers.get(i) instanceof LayerSpec.Conv2d)) {
        continue;
      }
      List<Integer> norms = new ArrayList<>();
      int j = i + 1;
      for (; j < layers.size() && passesChannels(layers.get(j)); j++) {
        if (layers.get(j) instanceof LayerSpec.BatchNorm) {
          norms.add(j);
        }
      }
      if (j < layers.size() && layers.get(j) instanceof LayerSpec.Conv2d) {
        feeds.put(i, new Feed(norms, j, 1));
      } else if (j + 1 < layers.size() && layers.get(j) instanceof LayerSpec.Flatten
          && layers.get(j + 1) instanceof LayerSpec.Dense) {
        long[] size = spatialSize(spec, exampleShape, j);
        feeds.put(i, new Feed(norms, j + 1, Math.toIntExact(size[0] * size[1])));
      }
    }
    return feeds;
  }

  /** The spatial size after the layers of {@code spec} before {@code end}, as DJL computes it: {height, width}. */
  static long[] spatialSize(ModelSpec spec, long[] exampleShape, int end) {
    long height = exampleShape[1];
    long width = exampleShape[2];
    for (LayerSpec layer : spec.layers().subList(0, end)) {
      switch (layer) {
        case LayerSpec.Conv2d c -> {
          height = convolved(height, c);
          width = convolved(width, c);
        }
        case LayerSpec.MaxPool p -> { // window and stride the size, no padding: floor(size / window)
          height /= p.size();
          width /= p.size();
        }
        default -> { }
      }
    }
    return new long[] {height, width};
  }

  /** A stride-1 convolution, as DJL's default: {@code size + 2 padding - kernel + 1}. */
  private static long convolved(long size, LayerSpec.Conv2d c) {
    return size + 2L * c.padding() - c.kernel() + 1;
  }

  private static boolean passesChannels(LayerSpec layer) {
    return layer instanceof LayerSpec.Relu || layer instanceof LayerSpec.MaxPool
        || layer instanceof LayerSpec.BatchNorm || layer instanceof LayerSpec.Dropout;
  }
}
