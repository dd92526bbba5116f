package io.lowcarb.fl.partition;

import java.util.List;
import java.util.Random;

/** Examples shuffled and dealt in turn: every client sizes within one and the same label mix, in expectation. */
public record Iid() implements Partition {
  @Override
  public List<int[]> split(int[] labels, int classes, int clients, long seed) {
    Shuffled.requireClients(clients);
    var perClient = Shuffled.empty(clients);
    int[] order = Shuffled.range(labels.length, new Random(seed));
    for (int i = 0; i < order.length; i++) {
      perClient.get(i % clients).add(order[i]);
    }
    return Shuffled.arrays(perClient);
  }

  @Override
  public String label() {
    return "iid";
  }
}
