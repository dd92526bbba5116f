package io.lowcarb.train.model;

/**
 * One layer of a model spec. Closed family: the JSON {@code type} names the record.
 */
public sealed interface LayerSpec {
  /** {@code {"type": "flatten"}} */
  record Flatten() implements LayerSpec {}

  /** {@code {"type": "dense", "units": 128}} */
  record Dense(int units) implements LayerSpec {}

  /** {@code {"type": "relu"}} */
  record Relu() implements LayerSpec {}

  /** {@code {"type": "dropout", "rate": 0.2}} */
  record Dropout(float rate) implements LayerSpec {}

  /** {@code {"type": "conv2d", "filters": 16, "kernel": 3, "padding": 1}} */
  record Conv2d(int filters, int kernel, int padding) implements LayerSpec {}

  /** {@code {"type": "batchnorm"}}: normalises each channel over the batch. */
  record BatchNorm() implements LayerSpec {}

  /** {@code {"type": "maxpool", "size": 2}} */
  record MaxPool(int size) implements LayerSpec {}
}
