package io.lowcarb.pipeline;

/** A pipeline file that cannot be run as written; the message names the key or step and its line. */
public final class PipelineException extends Exception {
  private static final long serialVersionUID = 1L;

  public PipelineException(String message) {
    super(message);
  }
}
