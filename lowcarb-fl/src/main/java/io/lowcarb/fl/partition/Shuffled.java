package io.lowcarb.fl.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Shuffling and the small steps the partitions share. */
final class Shuffled {
  private Shuffled() {}

  /** {@code 0..n-1} in an order drawn from {@code random}. */
  static int[] range(int n, Random random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    shuffle(order, random);
    return order;
  }

  /** Fisher-Yates, in place. */
  static void shuffle(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** The indices of each class, each list in an order drawn from {@code random}. */
  static List<List<Integer>> byClass(int[] labels, int classes, Random random) {
    List<List<Integer>> out = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      out.add(new ArrayList<>());
    }
    for (int i : range(labels.length, random)) {
      out.get(labels[i]).add(i);
    }
    return out;
  }

  /** Lists as arrays; a client left empty takes one example from the largest client. */
  static List<int[]> arrays(List<List<Integer>> perClient) {
    for (List<Integer> client : perClient) {
      if (client.isEmpty()) {
        List<Integer> largest = perClient.stream().max(java.util.Comparator.comparingInt(List::size)).orElseThrow();
        if (largest.size() > 1) {
          client.add(largest.removeLast());
        }
      }
    }
    return perClient.stream().map(l -> l.stream().mapToInt(Integer::intValue).sorted().toArray()).toList();
  }

  static void requireClients(int clients) {
    if (clients < 1) {
      throw new IllegalArgumentException("clients must be >= 1, got " + clients);
    }
  }

  static List<List<Integer>> empty(int clients) {
    List<List<Integer>> out = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      out.add(new ArrayList<>());
    }
    return out;
  }
}
