package io.lowcarb.fl.grpc.server;

import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.fl.check.UpdateCheck;
import io.lowcarb.fl.codec.Compression;
import io.lowcarb.fl.grpc.proto.Update;
import io.lowcarb.fl.report.ClientEnergy;
import java.util.Optional;

/**
 * Whether an update can be aggregated: its payload within the size limit and decodable, the model
 * it rebuilds of the right length and finite, and its reported figures plausible: the energy a
 * finite number >= 0 with a known method and an uncertainty >= 0.
 */
final class UpdateReview {
  private UpdateReview() {}

  /** What the review found. */
  sealed interface Verdict permits Passed, Refused {}

  /**
   * An update that passed, as the model it rebuilds.
   *
   * @param basis how the client obtained its energy figure, and its uncertainty
   * @param labelled false for a client older than the method field, whose figure is counted as
   *     {@link ClientEnergy#UNLABELLED}
   */
  record Passed(float[] weights, EnergyBasis basis, boolean labelled) implements Verdict {}

  /** @param reason a sentence fragment, such as "value 17 is NaN" */
  record Refused(String reason) implements Verdict {}

  /**
   * The model {@code update} rebuilds on {@code global}, or why it is refused.
   *
   * @param held the examples the client said it holds when it joined: FedAvg weighs updates by
   *     their examples, so an update may not claim more
   */
  static Verdict review(Update update, float[] global, UpdateCheck check, int held) {
    long bytes = update.getDelta().size();
    if (bytes > check.maxBytes()) {
      // before decoding: the size alone refuses it
      return new Refused(check.refuse(new float[check.expectedLength()], bytes).orElseThrow());
    }
    if (update.getExamples() < 1 || update.getExamples() > held) {
      return new Refused("it reports " + update.getExamples() + " examples, " + held + " when it joined");
    }
    double joules = update.getEnergyJoules();
    double g = update.getGrid().getGPerKwh();
    if (!(joules >= 0) || Double.isInfinite(joules) || !(g >= 0) || Double.isInfinite(g)) {
      return new Refused("its energy (" + joules + " J) or intensity (" + g + " g/kWh) is not a finite number >= 0");
    }
    boolean labelled = !update.getEnergyMethod().isEmpty();
    EnergyBasis basis = ClientEnergy.UNLABELLED;
    if (labelled) {
      try {
        basis = new EnergyBasis(EnergyBasis.Obtained.ofLabel(update.getEnergyMethod()), update.getEnergyUncertaintyPct());
      } catch (IllegalArgumentException e) {
        return new Refused("its " + e.getMessage());
      }
    }
    float[] delta;
    try {
      delta = Compression.decode(update.getDelta().toByteArray(), global.length);
    } catch (IllegalArgumentException e) {
      return new Refused(e.getMessage());
    }
    float[] weights = new float[global.length];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = global[i] + delta[i];
    }
    Optional<String> refused = check.refuse(weights, bytes);
    EnergyBasis reported = basis;
    return refused.<Verdict>map(Refused::new).orElseGet(() -> new Passed(weights, reported, labelled));
  }
}
