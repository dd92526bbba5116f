package io.lowcarb.fl.train;

/**
 * A client's model after local training.
 *
 * @param weights the model, flat
 * @param examples the examples it trained on
 * @param meanLoss the mean training loss over its steps (cross-entropy, in nats)
 */
public record LocalResult(float[] weights, int examples, double meanLoss) {}
