package io.lowcarb.advise;

import java.util.Comparator;
import java.util.List;

/**
 * Orders options. The weighted cost of an option is {@code w * co2 / bestCo2 + (1 - w) * hours /
 * bestHours}: each term relative to the best option's, so the weight {@code w} in [0, 1] trades a
 * share of extra CO2e against the same share of extra time whatever the units (Zeus weighs energy
 * against time the same way, NSDI 2023). With {@code w = 1} it ranks as by CO2e, with 0 as by time.
 */
public final class Ranking {
  private Ranking() {}

  /**
   * The options in order, best first; ties go to the other criterion, then to the names.
   *
   * @param weight the weight on CO2e for {@link Rank#COST}, in [0, 1]; ignored otherwise
   */
  public static List<Option> rank(List<Option> options, Rank by, double weight) {
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("the weight must be in [0, 1], got " + weight);
    }
    Comparator<Option> co2 = Comparator.comparingDouble(Option::emissionsKg);
    Comparator<Option> time = Comparator.comparingDouble(Option::hours);
    Comparator<Option> names = Comparator.comparing(Option::hardwareName).thenComparing(Option::regionName);
    Comparator<Option> order = switch (by) {
      case CO2 -> co2.thenComparing(time);
      case TIME -> time.thenComparing(co2);
      case COST -> {
        double bestCo2 = floor(options.stream().mapToDouble(Option::emissionsKg).min().orElse(1));
        double bestHours = floor(options.stream().mapToDouble(Option::hours).min().orElse(1));
        yield Comparator.<Option>comparingDouble(o -> cost(o, weight, bestCo2, bestHours)).thenComparing(co2).thenComparing(time);
      }
    };
    return options.stream().sorted(order.thenComparing(names)).toList();
  }

  /** The weighted cost of an option, 1 at best: see the class comment. */
  static double cost(Option o, double weight, double bestCo2, double bestHours) {
    return weight * o.emissionsKg() / bestCo2 + (1 - weight) * o.hours() / bestHours;
  }

  private static double floor(double best) {
    return Math.max(best, Double.MIN_NORMAL); // a region at 0 g/kWh would make every ratio infinite
  }
}
