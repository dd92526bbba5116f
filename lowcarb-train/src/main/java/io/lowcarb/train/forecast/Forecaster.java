package io.lowcarb.train.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Predicts a training's whole footprint after each epoch of a session: what was measured so far,
 * plus the epochs still to come at a per-epoch cost, plus the final evaluation.
 *
 * <p>After the session's first epoch the per-epoch cost is its steady state: the energy and time
 * per batch measured after the warm-up batches, times the batches of an epoch, plus the
 * validation pass without its first batch (scaled to the whole pass) and the checkpoint. The warm-up has been spent once and is in the
 * measured part, not multiplied. From the second epoch on, the per-epoch cost is the mean of the
 * epochs measured whole since then (each from the end of the one before to its own end).
 *
 * <p>The interval: the statistical half-width is the larger of a 95 % prediction interval from the
 * spread between blocks of batches (widened when consecutive blocks drift together) and one from
 * the spread between epochs (once three per-epoch figures exist); it applies to what is still to
 * come. The meter's own uncertainty applies to the
 * whole energy, measured and predicted. The two are independent and add in quadrature. Time has no
 * meter term; emissions take the energy's relative terms (the intensity's own uncertainty is not
 * modelled).
 */
public final class Forecaster {
  /** The relative half-width used while no spread between blocks has been seen: plus or minus 100 %. */
  static final double UNKNOWN_SPREAD = 1.0;

  private final int epochs;
  private final double tailRatio;
  private final Reading before;
  private final List<EpochTrace> traces = new ArrayList<>();

  /**
   * @param epochs the epochs planned (in all sessions)
   * @param tailRatio the final evaluation's cost as a multiple of one validation pass (test
   *     examples over validation examples)
   * @param before what earlier sessions of the training spent ({@link Reading#ZERO} for a new one)
   */
  public Forecaster(int epochs, double tailRatio, Reading before) {
    if (epochs < 1 || !(tailRatio >= 0)) {
      throw new IllegalArgumentException("a forecast needs epochs >= 1 and a tail ratio >= 0, got "
          + epochs + " and " + tailRatio);
    }
    this.epochs = epochs;
    this.tailRatio = tailRatio;
    this.before = before;
  }

  /** Adds the epoch just ended (the session's epochs in order) and returns the forecast as it now stands. */
  public Forecast add(EpochTrace epoch) {
    if (!traces.isEmpty() && epoch.epoch() <= traces.getLast().epoch()) {
      throw new IllegalArgumentException("epoch " + epoch.epoch() + " comes after epoch " + traces.getLast().epoch());
    }
    traces.add(epoch);
    int remaining = Math.max(0, epochs - epoch.epoch());
    Reading rest = perEpoch().times(remaining).plus(validation().times(tailRatio));
    Reading spent = before.plus(epoch.end());
    double energySpread = spread(remaining, Reading::joules);
    double timeSpread = spread(remaining, Reading::seconds);
    double meter = epoch.end().uncertaintyPct() / 100;

    double joules = spent.joules() + rest.joules();
    double grams = spent.grams() + rest.grams();
    double seconds = spent.seconds() + rest.seconds();
    Estimate energy = Estimate.around(joules, Math.hypot(energySpread * rest.joules(), meter * joules));
    Estimate emissions = Estimate.around(grams, Math.hypot(energySpread * rest.grams(), meter * grams));
    Estimate time = Estimate.around(seconds, timeSpread * rest.seconds());
    return new Forecast(epoch.epoch(), epochs, energy.times(1 / 3.6e6), emissions, time, spent.joules() / 3.6e6,
        energySpread * 100, meter * 100);
  }

  /** One epoch to come: the first epoch's steady state, then the mean of the epochs measured whole. */
  Reading perEpoch() {
    if (traces.size() == 1) {
      return steadyEpoch(traces.getFirst());
    }
    Reading sum = Reading.ZERO;
    for (int i = 1; i < traces.size(); i++) {
      sum = sum.plus(traces.get(i).end().minus(traces.get(i - 1).end()));
    }
    return sum.times(1.0 / (traces.size() - 1));
  }

  /** The session's first epoch without its warm-up: steady batches scaled to the whole epoch, then validation and checkpoint. */
  static Reading steadyEpoch(EpochTrace t) {
    if (t.steadyFrom() == 0) {
      return t.end().minus(t.start());
    }
    Reading warmEnd = t.steady().getFirst().at();
    Reading perBatch = t.trained().minus(warmEnd).times(1.0 / (t.batches() - t.steadyFrom()));
    return perBatch.times(t.batches()).plus(t.steadyValidation()).plus(t.checkpoint());
  }

  /** One validation pass: the mean over the epochs measured whole, else the first epoch's steady one. */
  private Reading validation() {
    if (traces.size() == 1) {
      return traces.getFirst().steadyValidation();
    }
    Reading sum = Reading.ZERO;
    for (EpochTrace t : traces.subList(1, traces.size())) {
      sum = sum.plus(t.validation());
    }
    return sum.times(1.0 / (traces.size() - 1));
  }

  /** The statistical half-width, relative to what is still to come, for one figure of a reading. */
  private double spread(int remaining, java.util.function.ToDoubleFunction<Reading> figure) {
    List<Double> rates = new ArrayList<>();
    List<double[]> stretches = new ArrayList<>();
    double blockBatches = 0;
    for (int i = 0; i < traces.size(); i++) {
      List<EpochTrace.BatchReading> r = i == 0 ? traces.get(i).steady() : traces.get(i).readings();
      double[] stretch = new double[Math.max(0, r.size() - 1)];
      for (int b = 1; b < r.size(); b++) {
        int batches = r.get(b).batch() - r.get(b - 1).batch();
        stretch[b - 1] = (figure.applyAsDouble(r.get(b).at()) - figure.applyAsDouble(r.get(b - 1).at())) / batches;
        rates.add(stretch[b - 1]);
        blockBatches += batches;
      }
      stretches.add(stretch);
    }
    double futureBlocks = rates.isEmpty() ? 1 : remaining * (double) traces.getLast().batches() / (blockBatches / rates.size());
    double blocks = Spread.relativeHalfWidth(rates.stream().mapToDouble(Double::doubleValue).toArray(), futureBlocks,
        Spread.inflation(stretches));
    if (Double.isNaN(blocks)) {
      blocks = UNKNOWN_SPREAD;
    }
    double[] perEpoch = new double[traces.size()];
    perEpoch[0] = figure.applyAsDouble(steadyEpoch(traces.getFirst()));
    for (int i = 1; i < traces.size(); i++) {
      perEpoch[i] = figure.applyAsDouble(traces.get(i).end().minus(traces.get(i - 1).end()));
    }
    double epochsSpread = perEpoch.length >= 3 ? Spread.relativeHalfWidth(perEpoch, remaining) : 0;
    return Math.max(blocks, epochsSpread);
  }
}
