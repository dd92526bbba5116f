package io.lowcarb.compress;

/** A file that is not an ONNX model, or one ONNX Runtime cannot run; the message names the file and why. */
public final class OnnxFormatException extends Exception {
  public OnnxFormatException(String message) {
    super(message);
  }
}
