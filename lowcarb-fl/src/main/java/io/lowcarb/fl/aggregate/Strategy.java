package io.lowcarb.fl.aggregate;

import io.lowcarb.fl.ClientUpdate;
import java.util.List;

/**
 * How the server combines the clients' models into the next global model. {@link FedAvg} and
 * {@link FedProx} take the mean weighted by examples (McMahan et al. 2017; Li et al. 2020, whose
 * proximal term acts in the clients' training); {@link Median} and {@link TrimmedMean} are
 * coordinate-wise and unweighted, robust to a minority of hostile clients (Yin et al. 2018).
 */
public sealed interface Strategy permits FedAvg, FedProx, Median, TrimmedMean {

  /**
   * The next global model.
   *
   * @param global the current global model, flat (returned as a copy when there is no update)
   * @param updates the clients' models, each as long as {@code global}
   */
  float[] aggregate(float[] global, List<ClientUpdate> updates);

  /** The weight {@code mu} of the proximal term {@code mu/2 ||w - w_global||^2} in local training; 0 but for FedProx. */
  default double proximalMu() {
    return 0;
  }

  /** The spec this strategy parses from: {@code fedavg}, {@code fedprox:0.01}, {@code median}, {@code trimmed-mean:0.1}. */
  String label();

  /**
   * Reads {@code fedavg}, {@code fedprox:MU} (MU >= 0), {@code median} or {@code trimmed-mean:BETA}
   * (0 <= BETA < 0.5).
   *
   * @throws IllegalArgumentException naming the bad part and the accepted forms
   */
  static Strategy parse(String spec) {
    String s = spec == null ? "" : spec.trim();
    String forms = "; use fedavg, fedprox:MU, median or trimmed-mean:BETA";
    int colon = s.indexOf(':');
    String name = colon < 0 ? s : s.substring(0, colon);
    String arg = colon < 0 ? null : s.substring(colon + 1);
    return switch (name) {
      case "fedavg" -> noArgument(new FedAvg(), arg, forms);
      case "median" -> noArgument(new Median(), arg, forms);
      case "fedprox" -> new FedProx(number(arg, "fedprox's MU", forms));
      case "trimmed-mean" -> new TrimmedMean(number(arg, "trimmed-mean's BETA", forms));
      default -> throw new IllegalArgumentException("unknown strategy '" + s + "'" + forms);
    };
  }

  private static Strategy noArgument(Strategy strategy, String arg, String forms) {
    if (arg != null) {
      throw new IllegalArgumentException(strategy.label() + " takes no ':" + arg + "'" + forms);
    }
    return strategy;
  }

  private static double number(String arg, String what, String forms) {
    if (arg == null || arg.isBlank()) {
      throw new IllegalArgumentException(what + " is missing" + forms);
    }
    try {
      return Double.parseDouble(arg);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " '" + arg + "' is not a number" + forms);
    }
  }
}
