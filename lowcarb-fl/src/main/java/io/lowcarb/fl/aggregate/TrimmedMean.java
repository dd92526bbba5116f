package io.lowcarb.fl.aggregate;

import io.lowcarb.fl.ClientUpdate;
import java.util.List;

/**
 * The coordinate-wise trimmed mean: for each weight, the {@code floor(beta x clients)} largest and
 * as many smallest values are dropped and the rest averaged, unweighted.
 *
 * @param beta the share dropped at each end, in [0, 0.5)
 */
public record TrimmedMean(double beta) implements Strategy {
  public TrimmedMean {
    if (!(beta >= 0 && beta < 0.5)) {
      throw new IllegalArgumentException("trimmed-mean's BETA must be in [0, 0.5), got " + beta);
    }
  }

  @Override
  public float[] aggregate(float[] global, List<ClientUpdate> updates) {
    return Coordinates.trimmedMean(global, updates, (int) Math.floor(beta * updates.size()));
  }

  @Override
  public String label() {
    return "trimmed-mean:" + beta;
  }
}
