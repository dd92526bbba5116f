package io.lowcarb.pipeline;

import java.nio.file.Path;
import java.util.List;

/** One strategy of a pipeline, applied in the order written. */
public sealed interface Step {
  /** The step's name in the file. */
  String name();

  /** The line it is written on (1-based). */
  int line();

  /**
   * Start the training from another training's checkpoint, its listed layers frozen.
   *
   * @param from the checkpoint
   * @param freeze layer indices not to train
   */
  record Transfer(Path from, List<Integer> freeze, int line) implements Step {
    public Transfer {
      freeze = List.copyOf(freeze);
    }

    @Override
    public String name() {
      return "transfer";
    }
  }

  /**
   * Distil the trained model into a smaller student (Hinton et al.).
   *
   * @param student {@code mlp:UNITS} or a spec file
   * @param temperature T
   * @param alpha the weight of the soft targets
   * @param epochs distillation epochs
   */
  record Distil(String student, double temperature, double alpha, int epochs, int line) implements Step {
    @Override
    public String name() {
      return "distil";
    }
  }

  /**
   * Prune by magnitude, or remove whole neurons, then fine-tune.
   *
   * @param ratio the fraction removed, in [0, 1)
   * @param structured whole convolution filters and neurons, so that the layers shrink
   * @param fineTuneEpochs epochs of fine-tuning
   */
  record Prune(double ratio, boolean structured, int fineTuneEpochs, int line) implements Step {
    @Override
    public String name() {
      return "prune";
    }
  }

  /**
   * int8 post-training quantization, layers back in fp32 until the drop is within the limit.
   *
   * @param maxAccuracyDrop the accuracy it may cost
   * @param calibrationSamples examples to calibrate activations on
   */
  record Quantize(double maxAccuracyDrop, int calibrationSamples, int line) implements Step {
    @Override
    public String name() {
      return "quantize";
    }
  }
}
