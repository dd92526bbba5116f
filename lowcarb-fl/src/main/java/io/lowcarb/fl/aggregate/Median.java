package io.lowcarb.fl.aggregate;

import io.lowcarb.fl.ClientUpdate;
import java.util.List;

/**
 * The coordinate-wise median of the clients' models (the mean of the two middle values for an even
 * count), unweighted: fewer than half the clients, however hostile, cannot move it outside the range
 * of the honest ones.
 */
public record Median() implements Strategy {
  @Override
  public float[] aggregate(float[] global, List<ClientUpdate> updates) {
    return Coordinates.trimmedMean(global, updates, Integer.MAX_VALUE);
  }

  @Override
  public String label() {
    return "median";
  }
}
