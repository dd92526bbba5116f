package io.lowcarb.fl.partition;

import java.util.List;

/**
 * How examples are dealt to clients. Every partition is disjoint, covers every example, gives no
 * client nothing where there are enough examples, and depends only on its seed.
 */
public sealed interface Partition permits Iid, Dirichlet, Shards {

  /**
   * The example indices of each client.
   *
   * @param labels the class of each example, 0..classes-1
   * @param classes the number of classes
   * @param clients the number of clients, >= 1
   */
  List<int[]> split(int[] labels, int classes, int clients, long seed);

  /** The spec this parses from: {@code iid}, {@code dirichlet:0.5}, {@code shards:2}. */
  String label();

  /**
   * Reads {@code iid}, {@code dirichlet:ALPHA} (ALPHA > 0) or {@code shards:K} (K >= 1).
   *
   * @throws IllegalArgumentException naming the bad part and the accepted forms
   */
  static Partition parse(String spec) {
    String s = spec == null ? "" : spec.trim();
    String forms = "; use iid, dirichlet:ALPHA (ALPHA > 0) or shards:K (K >= 1)";
    if (s.equals("iid")) {
      return new Iid();
    }
    try {
      if (s.startsWith("dirichlet:")) {
        return new Dirichlet(Double.parseDouble(s.substring("dirichlet:".length())));
      }
      if (s.startsWith("shards:")) {
        return new Shards(Integer.parseInt(s.substring("shards:".length())));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("partition '" + s + "' has no valid number" + forms);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + forms);
    }
    throw new IllegalArgumentException("unknown partition '" + s + "'" + forms);
  }
}
