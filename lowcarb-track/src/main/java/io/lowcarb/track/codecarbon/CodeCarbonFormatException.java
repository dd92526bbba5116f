package io.lowcarb.track.codecarbon;

/** A file that is not a CodeCarbon emissions.csv, or a row that cannot be read; the message says where. */
public final class CodeCarbonFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public CodeCarbonFormatException(String message) {
    super(message);
  }
}
