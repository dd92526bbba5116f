package io.lowcarb.fl.grpc.client;

import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.fl.grpc.proto.Grid;
import io.lowcarb.fl.grpc.proto.JoinReply;
import io.lowcarb.fl.grpc.proto.Train;

/** What a client does with its own data: train the model the server hands out, measured. */
public interface LocalWork {
  /**
   * A model after local training, with what it cost.
   *
   * @param weights the local model, flat
   * @param examples the examples trained on
   * @param meanLoss the mean training loss (cross-entropy, nats)
   * @param joules the training's energy as the meter obtained it, J (IT energy, before PUE)
   * @param basis how the meter obtained {@code joules} (measured, estimated...) and its uncertainty
   * @param pue the PUE applied to it for emissions
   */
  record Contribution(float[] weights, int examples, double meanLoss, double joules, EnergyBasis basis, double pue) {}

  /** The training examples held. */
  int examples();

  /** The dataset's name, as the server should know it. */
  String dataset();

  /** Where the client trains and its grid's carbon intensity now. */
  Grid grid();

  /**
   * Gets ready to train the server's model.
   *
   * @throws IllegalArgumentException when the client cannot train it (another data split, another
   *     dataset), with a message that says what to change
   */
  void prepare(JoinReply model);

  /** Trains from {@code global} as {@code task} says. */
  Contribution train(Train task, float[] global);
}
