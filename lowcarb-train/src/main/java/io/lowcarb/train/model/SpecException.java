package io.lowcarb.train.model;

/** A model spec that cannot be used; the message names the file and the layer. */
public final class SpecException extends Exception {
  public SpecException(String message) {
    super(message);
  }
}
