package io.lowcarb.train.data;

/** A dataset file that cannot be read as what it claims to be; the message names the file. */
public final class DatasetFormatException extends Exception {
  public DatasetFormatException(String message) {
    super(message);
  }
}
