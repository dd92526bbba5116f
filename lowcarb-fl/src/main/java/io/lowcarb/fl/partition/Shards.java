package io.lowcarb.fl.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * McMahan et al. (2017)'s pathological non-iid split: the examples sorted by label are cut into
 * {@code clients x perClient} shards and each client gets {@code perClient} of them at random. Shards
 * are cut inside classes (each class gets shards in proportion to its size), so a shard holds one
 * label and a client at most {@code perClient} labels; when there are fewer shards than classes,
 * shards are cut from the sorted order regardless.
 *
 * @param perClient shards per client, >= 1
 */
public record Shards(int perClient) implements Partition {
  public Shards {
    if (perClient < 1) {
      throw new IllegalArgumentException("shards' K must be >= 1, got " + perClient);
    }
  }

  @Override
  public List<int[]> split(int[] labels, int classes, int clients, long seed) {
    Shuffled.requireClients(clients);
    Random random = new Random(seed);
    List<List<Integer>> byClass = Shuffled.byClass(labels, classes, random);
    int total = clients * perClient;
    List<List<Integer>> shards = new ArrayList<>();
    int present = (int) byClass.stream().filter(l -> !l.isEmpty()).count();
    if (total >= present) {
      int[] counts = shardCounts(byClass, total, labels.length);
      for (int c = 0; c < classes; c++) {
        cut(byClass.get(c), counts[c], shards);
      }
    } else {
      cut(byClass.stream().flatMap(List::stream).toList(), total, shards);
    }
    int[] order = Shuffled.range(shards.size(), random);
    var perClientLists = Shuffled.empty(clients);
    for (int s = 0; s < order.length; s++) {
      perClientLists.get(s % clients).addAll(shards.get(order[s]));
    }
    return Shuffled.arrays(perClientLists);
  }

  /** Shards per class in proportion to its size (largest remainder), at least one for a class with examples. */
  private static int[] shardCounts(List<List<Integer>> byClass, int total, int examples) {
    int classes = byClass.size();
    int[] counts = new int[classes];
    double[] remainder = new double[classes];
    int given = 0;
    for (int c = 0; c < classes; c++) {
      int size = byClass.get(c).size();
      if (size == 0) {
        continue;
      }
      double exact = (double) total * size / examples;
      counts[c] = Math.max(1, Math.min(size, (int) Math.floor(exact)));
      remainder[c] = exact - counts[c];
      given += counts[c];
    }
    while (given < total) {
      int best = -1;
      for (int c = 0; c < classes; c++) {
        if (counts[c] < byClass.get(c).size() && (best < 0 || remainder[c] > remainder[best])) {
          best = c;
        }
      }
      if (best < 0) {
        break;
      }
      counts[best]++;
      remainder[best] -= 1;
      given++;
    }
    while (given > total) {
      int best = -1;
      for (int c = 0; c < classes; c++) {
        if (counts[c] > 1 && (best < 0 || remainder[c] < remainder[best])) {
          best = c;
        }
      }
      counts[best]--;
      remainder[best] += 1;
      given--;
    }
    return counts;
  }

  /** Cuts {@code members} into {@code n} contiguous shards of sizes within one. */
  private static void cut(List<Integer> members, int n, List<List<Integer>> shards) {
    for (int s = 0; s < n; s++) {
      int from = (int) ((long) members.size() * s / n);
      int to = (int) ((long) members.size() * (s + 1) / n);
      shards.add(new ArrayList<>(members.subList(from, to)));
    }
  }

  @Override
  public String label() {
    return "shards:" + perClient;
  }
}
