package io.lowcarb.compress.prune;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which weights survive pruning: for each prunable layer (by its index in the spec), one flag per
 * value of its {@code weight} tensor, row-major; {@code false} is pruned (held at zero).
 *
 * @param keep per layer index, the flags; the arrays are not copied, and are not to be changed
 */
public record Masks(Map<Integer, boolean[]> keep) {
  public Masks {
    keep = java.util.Collections.unmodifiableMap(new TreeMap<>(keep));
  }

  /** The number of prunable weights. */
  public long prunable() {
    return keep.values().stream().mapToLong(k -> k.length).sum();
  }

  /** The number of pruned weights. */
  public long pruned() {
    long n = 0;
    for (boolean[] k : keep.values()) {
      for (boolean b : k) {
        if (!b) {
          n++;
        }
      }
    }
    return n;
  }

  /** The fraction of prunable weights that are pruned, in [0, 1]. */
  public double sparsity() {
    long all = prunable();
    return all == 0 ? 0 : (double) pruned() / all;
  }

  /** Pruned where either is: a weight pruned once stays pruned. */
  public Masks and(Masks other) {
    Map<Integer, boolean[]> both = new TreeMap<>();
    keep.forEach((layer, k) -> {
      boolean[] o = other.keep.get(layer);
      if (o == null || o.length != k.length) {
        throw new IllegalArgumentException("the masks differ at layer " + layer);
      }
      boolean[] and = new boolean[k.length];
      for (int i = 0; i < and.length; i++) {
        and[i] = k[i] && o[i];
      }
      both.put(layer, and);
    });
    return new Masks(both);
  }
}
