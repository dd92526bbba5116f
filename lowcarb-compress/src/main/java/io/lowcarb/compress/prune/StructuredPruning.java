package io.lowcarb.compress.prune;

import io.lowcarb.compress.Checkpoint;

/**
 * Structured pruning of a whole model by one fraction: the filters of its prunable convolutions
 * ({@link ChannelPruning}), then the neurons of its hidden dense layers ({@link NeuronPruning}).
 * The neurons are ranked once the filters are masked, which ranks them as in the smaller model.
 */
public final class StructuredPruning {
  /**
   * What goes: filters, then neurons.
   *
   * @param channels the filters each prunable convolution keeps
   * @param neurons the units each hidden dense layer keeps
   */
  public record Plan(ChannelPruning.Plan channels, NeuronPruning.Plan neurons) {
    /** Whether the model had nothing to prune: no prunable convolution and no hidden dense layer. */
    public boolean isEmpty() {
      return channels.kept().isEmpty() && neurons.kept().isEmpty();
    }
  }

  private StructuredPruning() {}

  /**
   * Plans to remove {@code fraction} of the filters of every prunable convolution and of the units of
   * every hidden dense layer, the weakest by L2 norm, keeping at least one of each layer.
   *
   * @param exampleShape the shape of one example, e.g. {@code {1, 28, 28}}
   * @param fraction in [0, 1)
   */
  public static Plan plan(Checkpoint checkpoint, long[] exampleShape, double fraction) {
    ChannelPruning.Plan channels = ChannelPruning.plan(checkpoint, exampleShape, fraction);
    return new Plan(channels, NeuronPruning.plan(ChannelPruning.masked(checkpoint, channels), fraction));
  }

  /** {@code checkpoint} with what {@code plan} removes set to zero. */
  public static Checkpoint masked(Checkpoint checkpoint, Plan plan) {
    return NeuronPruning.masked(ChannelPruning.masked(checkpoint, plan.channels()), plan.neurons());
  }

  /** The smaller model, what {@code plan} removes gone from its layers. */
  public static Checkpoint shrunk(Checkpoint checkpoint, Plan plan) {
    return NeuronPruning.shrunk(ChannelPruning.shrunk(checkpoint, plan.channels()), plan.neurons());
  }
}
