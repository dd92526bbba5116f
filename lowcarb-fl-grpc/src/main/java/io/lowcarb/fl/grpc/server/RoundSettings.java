package io.lowcarb.fl.grpc.server;

import io.lowcarb.fl.aggregate.Strategy;
import io.lowcarb.fl.codec.Compression;
import io.lowcarb.fl.select.Selection;
import java.time.Duration;

/**
 * How the server runs the federation.
 *
 * @param rounds rounds to run
 * @param minClients clients that must have joined before the first round; later rounds need only
 *     {@link #quorum(int) a quorum} of them, so that a lost client does not stall the federation
 * @param quorum accepted updates that close a round once its timeout passed; 0 for a majority of
 *     the round's clients
 * @param fraction the share of available clients each round takes, in (0, 1], at least one
 * @param selection how they are chosen
 * @param strategy how their models are combined
 * @param compression how clients encode their updates
 * @param localEpochs passes over its data a client makes each round
 * @param batchSize examples per local SGD step
 * @param learningRate local SGD's step size
 * @param roundTimeout how long a round waits for all its clients before a quorum may close it
 * @param seed seeds selection and the clients' shuffling
 */
public record RoundSettings(int rounds, int minClients, int quorum, double fraction, Selection selection,
    Strategy strategy, Compression compression, int localEpochs, int batchSize, float learningRate,
    Duration roundTimeout, long seed) {
  public RoundSettings {
    if (rounds < 1 || minClients < 1 || quorum < 0 || localEpochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException("rounds, min clients, local epochs and batch size must be >= 1, quorum >= 0");
    }
    if (quorum > minClients) {
      throw new IllegalArgumentException("the quorum (" + quorum + ") cannot exceed the min clients (" + minClients + ")");
    }
    if (!(fraction > 0 && fraction <= 1) || !(learningRate > 0)) {
      throw new IllegalArgumentException("the fraction must be in (0, 1] and the learning rate > 0");
    }
    if (roundTimeout.isNegative() || roundTimeout.isZero()) {
      throw new IllegalArgumentException("the round timeout must be positive");
    }
  }

  /** The accepted updates that close a round of {@code selected} clients after its timeout. */
  public int quorum(int selected) {
    return Math.min(selected, quorum > 0 ? quorum : selected / 2 + 1);
  }
}
