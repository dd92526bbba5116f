package io.lowcarb.energy.nvml;

/** An NVML call that did not return {@code NVML_SUCCESS}. */
public final class NvmlException extends Exception {
  /** {@code NVML_ERROR_NOT_SUPPORTED}. */
  public static final int NOT_SUPPORTED = 3;

  /** {@code NVML_ERROR_NO_PERMISSION}: setting a power limit needs root. */
  public static final int NO_PERMISSION = 4;

  private final int code;

  public NvmlException(int code, String message) {
    super(message);
    this.code = code;
  }

  /** The {@code nvmlReturn_t} value. */
  public int code() {
    return code;
  }
}
