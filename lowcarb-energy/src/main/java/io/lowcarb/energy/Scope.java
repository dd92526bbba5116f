package io.lowcarb.energy;

import java.util.Locale;

/** Whose energy a figure describes. */
public enum Scope {
  /** The measured process and its descendants, attributed from machine-level readings. */
  PROCESS,
  /** The whole machine (the visible CPUs, all RAM, the visible GPUs). */
  MACHINE;

  /** The lower-case name used in JSON and in CodeCarbon's {@code tracking_mode} column. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
