package io.lowcarb.advise.hardware;

import java.util.Locale;

/** How hardware names are compared: without case, spaces, hyphens or underscores. */
public final class HardwareNames {
  private HardwareNames() {}

  /** The comparison key of a name: {@code "A100 SXM4-40GB"} and {@code "a100-sxm4-40gb"} are one. */
  public static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
  }
}
