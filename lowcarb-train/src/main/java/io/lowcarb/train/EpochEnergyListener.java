package io.lowcarb.train;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.Measurement;
import java.util.ArrayList;
import java.util.List;

/**
 * A DJL training listener that measures each epoch with a lowcarb {@link Measurement}: one nested
 * task per epoch under the whole run's task. Works with {@code EasyTrain.fit} or any loop that
 * notifies listeners.
 */
public final class EpochEnergyListener extends TrainingListenerAdapter {
  private final Measurement run;
  private final List<EnergyReport> epochs = new ArrayList<>();
  private Measurement current;

  /** @param run the measurement of the whole training; epochs are nested in it */
  public EpochEnergyListener(Measurement run) {
    this.run = run;
  }

  @Override
  public synchronized void onTrainingBegin(Trainer trainer) {
    current = run.start("epoch " + (epochs.size() + 1));
  }

  @Override
  public synchronized void onEpoch(Trainer trainer) {
    epochs.add(current.stop());
    current = run.start("epoch " + (epochs.size() + 1));
  }

  @Override
  public synchronized void onTrainingEnd(Trainer trainer) {
    current.stop(); // the part after the last epoch: not an epoch
  }

  /** The reports of the epochs ended so far. */
  public synchronized List<EnergyReport> epochs() {
    return List.copyOf(epochs);
  }

  /** The last epoch's report. */
  public synchronized EnergyReport lastEpoch() {
    return epochs.getLast();
  }
}
