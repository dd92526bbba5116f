package io.lowcarb.fl.aggregate;

import io.lowcarb.fl.ClientUpdate;
import java.util.List;

/** Federated averaging (McMahan et al. 2017): the clients' models averaged, weighted by their examples. */
public record FedAvg() implements Strategy {
  @Override
  public float[] aggregate(float[] global, List<ClientUpdate> updates) {
    return WeightedMean.of(global, updates);
  }

  @Override
  public String label() {
    return "fedavg";
  }
}
