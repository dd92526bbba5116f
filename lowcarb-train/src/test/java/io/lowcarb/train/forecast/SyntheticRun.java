package io.lowcarb.train.forecast;

import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;

/**
 * A training made of numbers: a meter whose cumulative figures the test advances batch by batch,
 * at a fixed power, so that energy and time move together (time = energy / watts, unless a batch
 * says otherwise).
 */
final class SyntheticRun implements Supplier<Reading> {
  final double watts;
  final double gramsPerJoule;
  final double uncertaintyPct;
  double joules;
  double seconds;
  int readings;

  SyntheticRun(double watts, double gramsPerJoule, double uncertaintyPct) {
    this.watts = watts;
    this.gramsPerJoule = gramsPerJoule;
    this.uncertaintyPct = uncertaintyPct;
  }

  void spend(double j) {
    spend(j, j / watts);
  }

  void spend(double j, double s) {
    joules += j;
    seconds += s;
  }

  @Override
  public Reading get() {
    readings++;
    return new Reading(joules, joules * gramsPerJoule, seconds, uncertaintyPct);
  }

  /** Runs one epoch through a recorder: each batch's energy, then validation and checkpoint. */
  EpochTrace epoch(int epoch, int batches, int warmup, IntToDoubleFunction batchJoules, double validationJoules,
      double checkpointJoules) {
    EpochRecorder recorder = new EpochRecorder(epoch, batches, warmup, this);
    for (int b = 1; b <= batches; b++) {
      spend(batchJoules.applyAsDouble(b));
      recorder.batchDone(b);
    }
    spend(validationJoules);
    recorder.validated();
    spend(checkpointJoules);
    return recorder.end();
  }

  /** As {@link #epoch}, with a validation pass of equal batches, each costing what {@code validationBatchJoules} says. */
  EpochTrace epoch(int epoch, int batches, int warmup, IntToDoubleFunction batchJoules, int validationBatches,
      IntToDoubleFunction validationBatchJoules, double checkpointJoules) {
    EpochRecorder recorder = new EpochRecorder(epoch, batches, warmup, this);
    for (int b = 1; b <= batches; b++) {
      spend(batchJoules.applyAsDouble(b));
      recorder.batchDone(b);
    }
    for (int v = 1; v <= validationBatches; v++) {
      spend(validationBatchJoules.applyAsDouble(v));
      recorder.validationBatchDone(v * 100, validationBatches * 100);
    }
    recorder.validated();
    spend(checkpointJoules);
    return recorder.end();
  }
}
