package io.lowcarb.fl.aggregate;

import io.lowcarb.fl.ClientUpdate;
import java.util.List;

/**
 * FedProx (Li et al. 2020): aggregated as {@link FedAvg}; each client adds {@code mu/2 ||w -
 * w_global||^2} to its loss, which keeps heterogeneous clients near the global model.
 *
 * @param mu the weight of the proximal term, >= 0 (0 is FedAvg)
 */
public record FedProx(double mu) implements Strategy {
  public FedProx {
    if (!(mu >= 0) || Double.isInfinite(mu)) {
      throw new IllegalArgumentException("fedprox's MU must be a number >= 0, got " + mu);
    }
  }

  @Override
  public float[] aggregate(float[] global, List<ClientUpdate> updates) {
    return WeightedMean.of(global, updates);
  }

  @Override
  public double proximalMu() {
    return mu;
  }

  @Override
  public String label() {
    return "fedprox:" + mu;
  }
}
