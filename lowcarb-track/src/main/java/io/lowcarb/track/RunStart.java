package io.lowcarb.track;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * @param parentId the run it is recorded under (a pipeline for its steps, a scheduled job for its
 *     measurement), or empty
 */
public record RunStart(
    RunKind kind,
    String name,
    String command,
    Map<String, String> parameters,
    Instant start,
    Machine machine,
    String mainMetric,
    boolean startKnown,
    Optional<String> parentId) {
  public RunStart {
    parameters = Map.copyOf(parameters);
    Objects.requireNonNull(parentId, "parentId");
  }

  /** A run of its own, whose start may be unknown. */
  public RunStart(
      RunKind kind, String name, String command, Map<String, String> parameters, Instant start, Machine machine,
      String mainMetric, boolean startKnown) {
    this(kind, name, command, parameters, start, machine, mainMetric, startKnown, Optional.empty());
  }

  /** A run that starts now, or started at a known instant. */
  public RunStart(
      RunKind kind, String name, String command, Map<String, String> parameters, Instant start, Machine machine,
      String mainMetric) {
    this(kind, name, command, parameters, start, machine, mainMetric, true);
  }

  /** The same start, recorded under run {@code parent}. */
  public RunStart under(String parent) {
    return new RunStart(kind, name, command, parameters, start, machine, mainMetric, startKnown, Optional.of(parent));
  }
}
