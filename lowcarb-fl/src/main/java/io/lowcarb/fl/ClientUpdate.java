package io.lowcarb.fl;

/**
 * What one client sends back after a round of local training.
 *
 * @param client the client's name
 * @param weights its model after local training, flat ({@link FlatWeights})
 * @param examples how many training examples it holds, the weight of its update in a weighted mean
 */
public record ClientUpdate(String client, float[] weights, int examples) {
  public ClientUpdate {
    if (examples < 0) {
      throw new IllegalArgumentException("examples must be >= 0, got " + examples);
    }
  }
}
