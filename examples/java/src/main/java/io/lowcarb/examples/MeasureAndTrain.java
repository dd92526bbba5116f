package io.lowcarb.examples;

import io.lowcarb.energy.ComponentEnergy;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.Measurement;
import io.lowcarb.energy.Meter;
import io.lowcarb.train.EpochResult;
import io.lowcarb.train.GreenTrainer;
import io.lowcarb.train.TrainSettings;
import io.lowcarb.train.TrainingProgress;
import io.lowcarb.train.TrainingResult;
import io.lowcarb.train.data.DatasetCache;
import io.lowcarb.train.data.Datasets;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.ModelSpec;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The meter and the trainer from Java: measures a block of code, then trains an MLP on the built-in
 * digits set until it reaches 0.95 accuracy, with the energy and CO2e of every epoch.
 *
 * <pre>{@code
 * java -cp ... io.lowcarb.examples.MeasureAndTrain [ZONE] [MAX_EPOCHS]
 * }</pre>
 */
public final class MeasureAndTrain {
  private MeasureAndTrain() {}

  public static void main(String[] args) throws Exception {
    String zone = args.length > 0 ? args[0] : "ES";
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    run(zone, epochs, System.out);
  }

  /** Measures, trains and prints to {@code out}; returns the training's result. */
  public static TrainingResult run(String zone, int epochs, PrintStream out) throws Exception {
    // One meter per process: it samples every sensor once a second on a daemon thread, and any
    // number of measurements, nested or not, read its counters.
    try (Meter meter = Meter.builder().zone(zone).build()) {
      EnergyReport block;
      try (Measurement m = meter.start("sum of square roots")) {
        double sum = 0;
        for (long i = 0; i < 300_000_000L; i++) {
          sum += Math.sqrt(i);
        }
        block = m.stop();
        out.printf(Locale.ROOT, "block: sum %.4g%n", sum);
      }
      print(block, out);

      Split digits = Datasets.load("digits", "label", 0.2, 42, DatasetCache.standard());
      Path checkpoints = Files.createTempDirectory("lowcarb-example");
      TrainSettings settings = new TrainSettings(epochs, 32, 0.003f, 1f, 42, OptionalDouble.of(0.95),
          OptionalDouble.empty(), OptionalDouble.empty(), 0, false, checkpoints, false, Optional.empty(), Set.of(), false);
      TrainingProgress progress = new TrainingProgress() {
        @Override
        public void epoch(EpochResult e) {
          out.printf(Locale.ROOT, "epoch %d: validation accuracy %.4f, %.2f J, %.3f mg CO2e%n",
              e.epoch(), e.validationAccuracy(), e.energyKwh() * 3.6e6, e.co2Grams() * 1000);
        }
      };
      TrainingResult result = new GreenTrainer(meter).train(
          ModelSpec.mlp(64, digits.train().classes()), digits, settings, progress);
      out.printf(Locale.ROOT, "trained: test accuracy %.4f after %d epochs (%s), %.2f J, %.3f mg CO2e%n",
          result.accuracy(), result.epochs().size(), result.stoppedBecause(), result.totalKwh() * 3.6e6,
          result.totalGrams() * 1000);
      out.println("checkpoint: " + result.checkpoint());
      return result;
    }
  }

  /** Every figure says how it was obtained: the method of each component, the intensity's source. */
  private static void print(EnergyReport r, PrintStream out) {
    out.printf(Locale.ROOT, "%s: %.2f s, %.2f J, %.4f mg CO2e at %.0f gCO2e/kWh (%s, %s), PUE %.2f%n", r.task(),
        r.seconds(), r.joules(), r.emissionsGrams() * 1000, r.intensity().gPerKwh(), r.intensity().zone(),
        r.intensity().source(), r.pue());
    for (ComponentEnergy c : r.components()) {
      out.printf(Locale.ROOT, "  %-4s %8.2f J  %s (%s, +/- %.0f %%)%n", c.component(), c.joules(), c.method(),
          c.sensor(), c.uncertaintyPct());
    }
  }
}
