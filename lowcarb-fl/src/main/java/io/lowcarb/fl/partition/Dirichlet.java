package io.lowcarb.fl.partition;

import java.util.List;
import java.util.Random;

/**
 * Label skew (Hsu et al. 2019): for each class, the clients' shares of its examples are drawn from
 * a symmetric Dirichlet distribution of concentration {@code alpha}. Small alphas (0.1) leave most
 * clients with few classes; large ones (100) come close to iid.
 *
 * @param alpha the concentration, > 0
 */
public record Dirichlet(double alpha) implements Partition {
  public Dirichlet {
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("dirichlet's ALPHA must be a number > 0, got " + alpha);
    }
  }

  @Override
  public List<int[]> split(int[] labels, int classes, int clients, long seed) {
    Shuffled.requireClients(clients);
    Random random = new Random(seed);
    var perClient = Shuffled.empty(clients);
    for (List<Integer> members : Shuffled.byClass(labels, classes, random)) {
      double[] shares = shares(clients, random);
      int from = 0;
      double cumulative = 0;
      for (int c = 0; c < clients; c++) {
        cumulative += shares[c];
        int to = c == clients - 1 ? members.size() : (int) Math.round(cumulative * members.size());
        perClient.get(c).addAll(members.subList(from, Math.max(from, to)));
        from = Math.max(from, to);
      }
    }
    return Shuffled.arrays(perClient);
  }

  /** A draw from Dirichlet(alpha, ..., alpha): normalised gamma variates. */
  private double[] shares(int clients, Random random) {
    double[] g = new double[clients];
    double sum = 0;
    for (int c = 0; c < clients; c++) {
      g[c] = gamma(alpha, random);
      sum += g[c];
    }
    for (int c = 0; c < clients; c++) {
      g[c] = sum > 0 ? g[c] / sum : 1.0 / clients;
    }
    return g;
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang (2000); shapes below 1 boosted by {@code U^(1/shape)}. */
  static double gamma(double shape, Random random) {
    if (shape < 1) {
      return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  @Override
  public String label() {
    return "dirichlet:" + alpha;
  }
}
