package io.lowcarb.train.data;

/** A dataset that could not be fetched: unreachable, or a checksum that does not match. */
public final class FetchException extends Exception {
  public FetchException(String message) {
    super(message);
  }
}
