package io.lowcarb.fl.grpc.client;

/** A client cannot take part: the server refused its token, stayed unreachable, or trains another model. */
public final class FederationException extends Exception {
  public FederationException(String message) {
    super(message);
  }
}
