package io.lowcarb.fl.grpc.server;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.fl.train.LocalTrainer;
import io.lowcarb.train.data.LabeledData;

/** The global model's accuracy on the server's held-out test set, on DJL. */
public final class TestSetAccuracy implements Coordinator.Evaluator, AutoCloseable {
  private final LocalTrainer trainer;
  private final LabeledData test;

  /** @param template the model's spec and input standardisation */
  public TestSetAccuracy(Checkpoint template, LabeledData test) {
    this.trainer = new LocalTrainer(template, test.shape());
    this.test = test;
  }

  @Override
  public double accuracy(float[] weights) {
    return trainer.accuracy(weights, test);
  }

  @Override
  public void close() {
    trainer.close();
  }
}
