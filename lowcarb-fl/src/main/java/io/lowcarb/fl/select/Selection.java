package io.lowcarb.fl.select;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * How the clients of a round are chosen among those available: {@code max(minimum, ceil(fraction x
 * available))} of them, at most all.
 */
public sealed interface Selection permits Selection.Uniform, Selection.Greenest {

  /**
   * A client that could train now.
   *
   * @param client its name
   * @param gPerKwh the carbon intensity of its grid now, in gCO2e/kWh
   */
  record Candidate(String client, double gPerKwh) {}

  /**
   * The clients of the round.
   *
   * @param fraction the share of {@code available} wanted, in (0, 1]
   * @param minimum the fewest clients wanted (capped at all available)
   */
  List<Candidate> select(List<Candidate> available, double fraction, int minimum, Random random);

  /** {@code random} or {@code greenest}. */
  String label();

  /**
   * Reads {@code random} or {@code greenest}.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  static Selection parse(String spec) {
    String s = spec == null ? "" : spec.trim();
    return switch (s) {
      case "random" -> new Uniform();
      case "greenest" -> new Greenest();
      default -> throw new IllegalArgumentException("unknown selection '" + s + "'; use random or greenest");
    };
  }

  /** How many of {@code available} clients a round takes. */
  static int count(int available, double fraction, int minimum) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("the fraction must be in (0, 1], got " + fraction);
    }
    return Math.min(available, Math.max(minimum, (int) Math.ceil(fraction * available - 1e-9)));
  }

  /** The candidates in an order drawn from {@code random}. */
  private static List<Candidate> shuffled(List<Candidate> available, Random random) {
    List<Candidate> order = new ArrayList<>(available);
    java.util.Collections.shuffle(order, random);
    return order;
  }

  /** A uniform sample, as in McMahan et al. (2017). */
  record Uniform() implements Selection {
    @Override
    public List<Candidate> select(List<Candidate> available, double fraction, int minimum, Random random) {
      return List.copyOf(shuffled(available, random).subList(0, count(available.size(), fraction, minimum)));
    }

    @Override
    public String label() {
      return "random";
    }
  }

  /** The clients on the cleanest grids now; ties broken at random. */
  record Greenest() implements Selection {
    @Override
    public List<Candidate> select(List<Candidate> available, double fraction, int minimum, Random random) {
      List<Candidate> order = shuffled(available, random);
      order.sort(Comparator.comparingDouble(Candidate::gPerKwh));
      return List.copyOf(order.subList(0, count(available.size(), fraction, minimum)));
    }

    @Override
    public String label() {
      return "greenest";
    }
  }
}
