package io.lowcarb.energy;

import java.util.Locale;

/** A part of the machine that draws power. */
public enum Component {
  CPU,
  GPU,
  RAM;

  /** The lower-case name used in JSON and on the command line: {@code cpu}, {@code gpu}, {@code ram}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
