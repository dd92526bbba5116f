package io.lowcarb.fuzz;

import java.util.List;

/**
 * What a run found.
 *
 * @param reader the target's name
 * @param inputs inputs tried
 * @param read inputs the reader read (valid ones, and bad ones it could not tell from valid)
 * @param refused inputs it refused with its clear exception
 * @param failures one line per input answered otherwise
 */
public record Outcome(String reader, int inputs, int read, int refused, List<String> failures) {
  public Outcome {
    failures = List.copyOf(failures);
  }

  /** {@code IDX images: 412 inputs, 5 read, 407 refused in one line, 0 failed}. */
  public String summary() {
    return reader + ": " + inputs + " inputs, " + read + " read, " + refused + " refused in one line, "
        + failures.size() + " failed";
  }

  /**
   * Prints the summary and throws when any input failed, listing the first twenty.
   *
   * @throws AssertionError naming the failures
   */
  public Outcome assertClean() {
    System.out.println("fuzz " + summary());
    if (!failures.isEmpty()) {
      // one failure of each kind (what follows the input's label, digits aside), the first twenty kinds
      java.util.Map<String, String> kinds = new java.util.LinkedHashMap<>();
      for (String f : failures) {
        String why = f.substring(f.indexOf("): ") + 1).replaceAll("\\d+", "N");
        kinds.putIfAbsent(why, f);
      }
      List<String> shown = kinds.values().stream().limit(20).toList();
      throw new AssertionError(summary() + "; " + kinds.size() + " kinds of failure, one of each:\n  "
          + String.join("\n  ", shown));
    }
    return this;
  }
}
