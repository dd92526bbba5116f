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
 * @param start when it started; when {@code startKnown} is false, when it ended (the one instant known)
 * @param machine where it runs
 * @param mainMetric the metric that {@code runs list} shows (accuracy for training), or empty
 * @param startKnown false for a run whose start, and so its duration, is unknown: an imported
 *     row with a blank duration
 */
public record RunStart(
    RunKind kind,
    String name,
    String command,
    Map<String, String> parameters,
    Instant start,
    Machine machine,
    String mainMetric,
    boolean startKnown) {
  public RunStart {
    parameters = Map.copyOf(parameters);
  }

  /** A run that starts now, or started at a known instant. */
  public RunStart(
      RunKind kind, String name, String command, Map<String, String> parameters, Instant start, Machine machine,
      String mainMetric) {
    this(kind, name, command, parameters, start, machine, mainMetric, true);
  }
}
