package io.lowcarb.track;

/** No stored run has the id asked for, or a prefix matches several. */
public final class UnknownRunException extends StoreException {
  private static final long serialVersionUID = 1L;

  public UnknownRunException(String message) {
    super(message);
  }
}
