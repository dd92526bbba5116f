package io.lowcarb.track;

import java.util.Locale;

/** What made a run. */
public enum RunKind {
  MEASURE,
  TRAIN,
  COMPRESS,
  INFER,
  FL,
  SCHEDULED,
  PIPELINE,
  /** Brought in from another tool's records (CodeCarbon's emissions.csv). */
  IMPORTED;

  /** The lower-case name used in the CLI and in files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named {@code label}, in any case. */
  public static RunKind of(String label) {
    try {
      return valueOf(label.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown run kind '" + label + "': use one of " + labels(), e);
    }
  }

  static String labels() {
    StringBuilder s = new StringBuilder();
    for (RunKind k : values()) {
      s.append(s.isEmpty() ? "" : ", ").append(k.label());
    }
    return s.toString();
  }
}
