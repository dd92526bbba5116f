package io.lowcarb.fl.train;

/**
 * How a client trains in one round.
 *
 * @param epochs passes over the client's data, >= 1
 * @param batchSize examples per SGD step, >= 1 (at least the client's data: one full-batch step, FedSGD)
 * @param learningRate SGD's step size
 * @param proximalMu FedProx's {@code mu} (the loss gains {@code mu/2 ||w - w_global||^2}); 0 for none
 * @param seed seeds the order of the examples
 */
public record LocalSettings(int epochs, int batchSize, float learningRate, double proximalMu, long seed) {
  public LocalSettings {
    if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || !(proximalMu >= 0)) {
      throw new IllegalArgumentException("epochs and batch size must be >= 1, the learning rate > 0 and mu >= 0");
    }
  }
}
