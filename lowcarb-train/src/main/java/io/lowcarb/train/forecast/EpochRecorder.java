package io.lowcarb.train.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Takes the meter's readings through one epoch at a few planned batch boundaries: the start, the
 * end of warm-up, {@link #BLOCKS} equal blocks of the steady state, then after the validation
 * pass's first batch, after validation and at the end. A reading costs a sample of the meter, so a handful per epoch keeps the cost negligible
 * whatever the batch count.
 */
public final class EpochRecorder {
  /** The steady state is read in this many blocks, whose spread is the batch-to-batch spread. */
  public static final int BLOCKS = 10;

  private final int epoch;
  private final int batches;
  private final int steadyFrom;
  private final Supplier<Reading> meter;
  private final List<EpochTrace.BatchReading> readings = new ArrayList<>();
  private int next;
  private int done;
  private EpochTrace.FirstBatch firstValidationBatch;
  private Reading validated;

  /**
   * Reads the start of the epoch now.
   *
   * @param epoch 1-based
   * @param batches the epoch's training batches
   * @param steadyFrom batches of warm-up before the steady state (0 for none)
   * @param meter reads the meter's cumulative figures (a sample each call)
   */
  public EpochRecorder(int epoch, int batches, int steadyFrom, Supplier<Reading> meter) {
    if (batches < 1 || steadyFrom < 0 || (steadyFrom > 0 && steadyFrom >= batches)) {
      throw new IllegalArgumentException("an epoch of " + batches + " batches cannot have " + steadyFrom
          + " batches of warm-up");
    }
    this.epoch = epoch;
    this.batches = batches;
    this.steadyFrom = steadyFrom;
    this.meter = meter;
    readings.add(new EpochTrace.BatchReading(0, meter.get()));
    next = boundaryAfter(0);
  }

  /** Called after each training batch, {@code done} counting from 1. */
  public void batchDone(int done) {
    this.done = done;
    if (done >= next) {
      readings.add(new EpochTrace.BatchReading(done, meter.get()));
      next = boundaryAfter(done);
    }
  }

  /** Called after each batch of the validation pass: {@code seen} of its {@code total} examples done. */
  public void validationBatchDone(int seen, int total) {
    if (firstValidationBatch == null && validated == null && seen > 0 && seen < total) {
      trainingDone();
      firstValidationBatch = new EpochTrace.FirstBatch(meter.get(), seen / (double) total);
    }
  }

  /** Called after the validation pass. */
  public void validated() {
    trainingDone();
    validated = meter.get();
  }

  private void trainingDone() {
    if (readings.getLast().batch() != done) {
      readings.add(new EpochTrace.BatchReading(done, meter.get())); // fewer batches came than announced
    }
  }

  /** Called at the end of the epoch (after the checkpoint); returns its trace. */
  public EpochTrace end() {
    if (validated == null) {
      validated();
    }
    int last = readings.getLast().batch();
    boolean warm = steadyFrom < last && readings.stream().anyMatch(r -> r.batch() == steadyFrom);
    return new EpochTrace(epoch, last, warm ? steadyFrom : 0, readings, java.util.Optional.ofNullable(firstValidationBatch),
        validated, meter.get());
  }

  /** The next planned boundary after {@code batch}: the warm-up's end, then the blocks' ends. */
  private int boundaryAfter(int batch) {
    if (batch < steadyFrom) {
      return steadyFrom;
    }
    int steady = batches - steadyFrom;
    for (int i = 1; i <= BLOCKS; i++) {
      int boundary = steadyFrom + (int) Math.round((double) i * steady / BLOCKS);
      if (boundary > batch) {
        return boundary;
      }
    }
    return batches;
  }
}
