package io.lowcarb.fl.sim;

import io.lowcarb.energy.Meter;
import io.lowcarb.train.data.Digits;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.ModelSpec;
import java.util.Locale;

/** Runs simulations on the embedded digits set for the tests. */
final class Federations {
  static final Split DIGITS = Split.of(Digits.load(), 0.2, 42);
  static final ModelSpec MLP = ModelSpec.mlp(64, 10);

  private Federations() {}

  /** 10 clients, Dirichlet 0.5, half of them a round, 2 local epochs of batch 10, SGD at 0.05. */
  static SimulationSettings.Builder digits() {
    return SimulationSettings.builder().clients(10).fraction(0.5).rounds(20).localEpochs(2).batchSize(10)
        .learningRate(0.05f);
  }

  static SimulationResult run(SimulationSettings settings) {
    long t0 = System.nanoTime();
    try (Meter meter = Meter.builder().zone("ES").build()) {
      SimulationResult r = new Simulation(meter).run(DIGITS, MLP, settings, round -> {});
      System.out.printf(Locale.ROOT, "%s %s %s: accuracy %.4f after %d rounds, %,d bytes, %.3g kg, %.1f s%n",
          settings.strategy().label(), settings.compression().label(), settings.selection().label(),
          r.result().finalAccuracy(), r.result().rounds(), r.result().bytesSent(), r.result().emissionsKg(),
          (System.nanoTime() - t0) / 1e9);
      return r;
    }
  }
}
