package io.lowcarb.advise;

import java.util.List;

/**
 * The options for a piece of work, not yet ranked.
 *
 * @param options one per hardware and region that could be estimated
 * @param notes hardware left out, and why
 */
public record Advice(List<Option> options, List<String> notes) {
  public Advice {
    options = List.copyOf(options);
    notes = List.copyOf(notes);
  }
}
