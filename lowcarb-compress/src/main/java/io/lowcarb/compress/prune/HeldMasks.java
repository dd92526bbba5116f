package io.lowcarb.compress.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.HashMap;
import java.util.Map;

/**
 * Masks on the weights of a DJL block: {@link #apply()} multiplies every prunable weight by its
 * mask, in place. Called after each optimiser step, it keeps pruned weights exactly zero, whatever
 * the optimiser's momentum says.
 */
public final class HeldMasks implements AutoCloseable {
  private final Block block;
  private final NDManager manager;
  private final Map<Parameter, NDArray> masks = new HashMap<>();
  private Masks current;

  /** @param block a sequential block of a spec, initialised */
  public HeldMasks(Block block, NDManager manager, Masks masks) {
    this.block = block;
    this.manager = manager.newSubManager();
    update(masks);
  }

  /** Holds {@code next} from now on, and applies it. */
  public void update(Masks next) {
    masks.values().forEach(NDArray::close);
    masks.clear();
    var children = block.getChildren();
    next.keep().forEach((layer, keep) -> {
      Parameter weight = children.get(layer).getValue().getParameters().get(MagnitudePruning.WEIGHT);
      Shape shape = weight.getArray().getShape();
      float[] ones = new float[keep.length];
      for (int i = 0; i < ones.length; i++) {
        ones[i] = keep[i] ? 1 : 0;
      }
      NDArray mask = manager.create(ones, shape).toDevice(weight.getArray().getDevice(), false);
      masks.put(weight, mask);
    });
    current = next;
    apply();
  }

  /** Sets every pruned weight to zero. */
  public void apply() {
    masks.forEach((weight, mask) -> weight.getArray().muli(mask));
  }

  /** The masks held. */
  public Masks masks() {
    return current;
  }

  @Override
  public void close() {
    manager.close();
  }
}
