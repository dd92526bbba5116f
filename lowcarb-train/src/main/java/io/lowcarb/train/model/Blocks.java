package io.lowcarb.train.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/** Builds the DJL block of a spec. */
public final class Blocks {
  private Blocks() {}

  /** A new, uninitialised block for {@code spec}. */
  public static SequentialBlock of(ModelSpec spec) {
    SequentialBlock block = new SequentialBlock();
    for (LayerSpec layer : spec.layers()) {
      switch (layer) {
        case LayerSpec.Flatten f -> block.add(ai.djl.nn.Blocks.batchFlattenBlock());
        case LayerSpec.Relu r -> block.add(Activation.reluBlock());
        case LayerSpec.BatchNorm b -> block.add(ai.djl.nn.norm.BatchNorm.builder().build());
        case LayerSpec.Dense d -> block.add(Linear.builder().setUnits(d.units()).build());
        case LayerSpec.Dropout d -> block.add(Dropout.builder().optRate(d.rate()).build());
        case LayerSpec.Conv2d c -> block.add(Conv2d.builder()
            .setFilters(c.filters())
            .setKernelShape(new Shape(c.kernel(), c.kernel()))
            .optPadding(new Shape(c.padding(), c.padding()))
            .build());
        case LayerSpec.MaxPool p -> block.add(Pool.maxPool2dBlock(new Shape(p.size(), p.size()), new Shape(p.size(), p.size())));
      }
    }
    return block;
  }
}
