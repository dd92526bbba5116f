package io.lowcarb.train.forecast;

import java.util.List;
import java.util.Optional;

/**
 * The meter's cumulative readings through one epoch: at its start, at batch boundaries, after
 * validation and at its end (after the checkpoint).
 *
 * @param epoch 1-based
 * @param batches the epoch's training batches
 * @param steadyFrom the batches before this one are warm-up (0 in an epoch without warm-up)
 * @param readings at batch boundaries, in batch order: batch 0 (the start), {@code steadyFrom},
 *     some in between, and {@code batches} (the last batch done)
 * @param firstValidationBatch the reading after the validation pass's first batch, when more
 *     batches followed it
 * @param validated after the validation pass
 * @param end at the end of the epoch
 */
public record EpochTrace(
    int epoch, int batches, int steadyFrom, List<BatchReading> readings, Optional<FirstBatch> firstValidationBatch,
    Reading validated, Reading end) {

  /** The reading after {@code batch} batches of the epoch. */
  public record BatchReading(int batch, Reading at) {}

  /**
   * The reading after a pass's first batch.
   *
   * @param at the reading
   * @param share the share of the pass's examples in that batch, in (0, 1)
   */
  public record FirstBatch(Reading at, double share) {
    public FirstBatch {
      if (!(share > 0 && share < 1)) {
        throw new IllegalArgumentException("a first batch of more batches holds a share in (0, 1), got " + share);
      }
    }
  }

  public EpochTrace {
    readings = List.copyOf(readings);
    if (readings.isEmpty() || readings.getFirst().batch() != 0 || readings.getLast().batch() != batches) {
      throw new IllegalArgumentException("an epoch's readings must run from batch 0 to batch " + batches);
    }
    for (int i = 1; i < readings.size(); i++) {
      if (readings.get(i).batch() <= readings.get(i - 1).batch()) {
        throw new IllegalArgumentException("batch readings must be in increasing batch order");
      }
    }
    if (steadyFrom < 0 || steadyFrom >= Math.max(1, batches)
        || readings.stream().noneMatch(r -> r.batch() == steadyFrom)) {
      throw new IllegalArgumentException("no reading at batch " + steadyFrom + ", where the steady state starts");
    }
  }

  /** The reading at the start of the epoch. */
  public Reading start() {
    return readings.getFirst().at();
  }

  /** The reading after the last training batch. */
  public Reading trained() {
    return readings.getLast().at();
  }

  /** What the validation pass cost. */
  public Reading validation() {
    return validated.minus(trained());
  }

  /**
   * What a validation pass costs without its warm-up (the first batch, where the engine meets the
   * evaluation's shapes for the first time): the batches after the first, scaled to the whole
   * pass. The whole pass when it had one batch.
   */
  public Reading steadyValidation() {
    return firstValidationBatch.map(f -> validated.minus(f.at()).times(1 / (1 - f.share()))).orElse(validation());
  }

  /** What came after validation: the checkpoint. */
  public Reading checkpoint() {
    return end.minus(validated);
  }

  /** The readings from the start of the steady state on. */
  public List<BatchReading> steady() {
    return readings.stream().filter(r -> r.batch() >= steadyFrom).toList();
  }
}
