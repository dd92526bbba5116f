package io.lowcarb.advise.hardware;

/** What a device is. */
public enum DeviceKind {
  CPU,
  GPU,
  TPU;

  /** Whether it is an accelerator (GPU or TPU) rather than a CPU. */
  public boolean accelerator() {
    return this != CPU;
  }
}
