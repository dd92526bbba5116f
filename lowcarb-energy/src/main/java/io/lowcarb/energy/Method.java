package io.lowcarb.energy;

import java.util.Locale;

/** How an energy figure was obtained. */
public enum Method {
  /** Read from the CPU's RAPL energy counters (Linux powercap). */
  RAPL,
  /** Read from the NVIDIA driver (NVML): an energy counter or integrated power samples. */
  NVML,
  /** Computed from a power model and utilisation, because no sensor was readable. */
  ESTIMATE,
  /** Computed from a power model driven by a figure the user gave (for example {@code --cpu-tdp}). */
  OVERRIDE;

  /** The lower-case name used in JSON and text output. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
