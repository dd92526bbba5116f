package io.lowcarb.energy.nvml;

/** NVML cannot be used on this machine; the message says why. */
public final class NvmlUnavailableException extends Exception {
  public NvmlUnavailableException(String message) {
    super(message);
  }
}
