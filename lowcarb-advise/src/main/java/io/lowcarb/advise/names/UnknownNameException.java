package io.lowcarb.advise.names;

import java.util.List;

/** A hardware or region name, or a pattern, that matches nothing in the tables. */
public final class UnknownNameException extends IllegalArgumentException {
  private final List<String> closeMatches;

  /**
   * @param what what was looked for, for example "hardware" or "region"
   * @param name the name or pattern given
   * @param closeMatches names in the table that are close to it, best first
   */
  public UnknownNameException(String what, String name, List<String> closeMatches) {
    super("unknown " + what + " '" + name + "'" + (closeMatches.isEmpty()
        ? ""
        : "; close matches: " + String.join(", ", closeMatches)));
    this.closeMatches = List.copyOf(closeMatches);
  }

  /** The names close to the one given, best first. */
  public List<String> closeMatches() {
    return closeMatches;
  }
}
