package io.lowcarb.compress.distill;

import java.nio.file.Path;

/**
 * How to distil a teacher into a student.
 *
 * @param temperature divides both models' logits before the softmax of the soft term, above 0; 1 is
 *     the plain softmax, higher spreads the teacher's probability over the wrong classes
 * @param alpha the weight of the soft term (teacher) in the loss, from 0 to 1; the hard term
 *     (labels) has weight {@code 1 - alpha}, so 0 is plain training on the labels
 * @param epochs passes over the training data, at least 1
 * @param batchSize examples per optimiser step, at least 1
 * @param learningRate Adam's learning rate, above 0
 * @param seed seeds the student's initial weights and the batch order
 * @param out where the student checkpoint goes ({@code model.json} and {@code model-000N.params})
 */
public record DistillSettings(
    double temperature, double alpha, int epochs, int batchSize, float learningRate, long seed, Path out) {
  /** The temperature of Hinton et al.'s digits experiments and common practice. */
  public static final double DEFAULT_TEMPERATURE = 4;
  /** The soft term's weight by default. */
  public static final double DEFAULT_ALPHA = 0.7;

  public DistillSettings {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("the temperature must be above 0 and finite, got " + temperature);
    }
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha (the weight of the soft term) must be from 0 to 1, got " + alpha);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("the batch size must be at least 1, got " + batchSize);
    }
    if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
      throw new IllegalArgumentException("the learning rate must be above 0 and finite, got " + learningRate);
    }
    if (out == null) {
      throw new IllegalArgumentException("the output directory must be given");
    }
  }

  /** The defaults (T = 4, alpha = 0.7) with the given schedule. */
  public static DistillSettings of(int epochs, int batchSize, float learningRate, long seed, Path out) {
    return new DistillSettings(DEFAULT_TEMPERATURE, DEFAULT_ALPHA, epochs, batchSize, learningRate, seed, out);
  }
}
