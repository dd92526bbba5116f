package io.lowcarb.track;

import java.time.Instant;
import java.util.Map;

/**
 * What is known of a run when it starts.
 *
 * @param kind what makes it
 * @param name a short name: the dataset and model, the command
 * @param command the command line
 * @param parameters its settings
 * @param start when it started
 * @param machine where it runs
 * @param mainMetric the metric that {@code runs list} shows (accuracy for training), or empty
 */
public record RunStart(
    RunKind kind,
    String name,
    String command,
    Map<String, String> parameters,
    Instant start,
    Machine machine,
    String mainMetric) {
  public RunStart {
    parameters = Map.copyOf(parameters);
  }
}
