package io.lowcarb.track;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A stored run.
 *
 * @param id its id: a UUID (12 hexadecimal digits for runs stored before lowcarb used UUIDs);
 *     commands accept a unique prefix
 * @param kind what made it
 * @param name a short name
 * @param command the command line
 * @param parameters its settings
 * @param status running, finished or failed
 * @param start when it started
 * @param end when it ended, empty while running
 * @param machine where it ran
 * @param footprint its energy and emissions, empty if not measured (yet)
 * @param metrics its final metrics
 * @param mainMetric the metric {@code runs list} shows, or empty
 * @param unit its functional unit, if any
 * @param exitCode a command's exit status
 * @param message why it failed, or empty
 * @param artifacts the files it wrote
 * @param startKnown false when only its end is known (an imported row without a duration):
 *     {@code start} then holds the end, and it has no duration
 * @param parentId the run it was recorded under, or empty
 */
public record Run(
    String id,
    RunKind kind,
    String name,
    String command,
    Map<String, String> parameters,
    RunStatus status,
    Instant start,
    Optional<Instant> end,
    Machine machine,
    Optional<Footprint> footprint,
    Map<String, Double> metrics,
    String mainMetric,
    Optional<FunctionalUnit> unit,
    OptionalInt exitCode,
    String message,
    List<Artifact> artifacts,
    boolean startKnown,
    Optional<String> parentId) {
  public Run {
    parameters = Map.copyOf(parameters);
    metrics = Map.copyOf(metrics);
    artifacts = List.copyOf(artifacts);
    Objects.requireNonNull(parentId, "parentId");
  }

  /** A run of its own. */
  public Run(
      String id, RunKind kind, String name, String command, Map<String, String> parameters, RunStatus status,
      Instant start, Optional<Instant> end, Machine machine, Optional<Footprint> footprint, Map<String, Double> metrics,
      String mainMetric, Optional<FunctionalUnit> unit, OptionalInt exitCode, String message, List<Artifact> artifacts,
      boolean startKnown) {
    this(id, kind, name, command, parameters, status, start, end, machine, footprint, metrics, mainMetric, unit,
        exitCode, message, artifacts, startKnown, Optional.empty());
  }

  /** A run whose start is known. */
  public Run(
      String id, RunKind kind, String name, String command, Map<String, String> parameters, RunStatus status,
      Instant start, Optional<Instant> end, Machine machine, Optional<Footprint> footprint, Map<String, Double> metrics,
      String mainMetric, Optional<FunctionalUnit> unit, OptionalInt exitCode, String message, List<Artifact> artifacts) {
    this(id, kind, name, command, parameters, status, start, end, machine, footprint, metrics, mainMetric, unit,
        exitCode, message, artifacts, true);
  }

  /** How long it ran: empty while running, and when its start is unknown. */
  public Optional<Duration> duration() {
    return startKnown ? end.map(e -> Duration.between(start, e)) : Optional.empty();
  }

  /** When it started, if known. */
  public Optional<Instant> knownStart() {
    return startKnown ? Optional.of(start) : Optional.empty();
  }

  /** The first 12 characters of its id, as lists show it: enough to find it again. */
  public String shortId() {
    return id.length() <= SHORT_ID ? id : id.substring(0, SHORT_ID);
  }

  /** The length of {@link #shortId()}. */
  public static final int SHORT_ID = 12;

  /** The value of its main metric, if it has one. */
  public OptionalDouble main() {
    Double v = mainMetric.isEmpty() ? null : metrics.get(mainMetric);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** The run as it starts, then ends: what the store keeps. */
  static Run of(String id, RunStart s, Optional<RunEnd> e) {
    return new Run(
        id,
        s.kind(),
        s.name(),
        s.command(),
        s.parameters(),
        e.map(RunEnd::status).orElse(RunStatus.RUNNING),
        s.start(),
        e.map(RunEnd::end),
        s.machine(),
        e.flatMap(RunEnd::footprint),
        e.map(RunEnd::metrics).orElse(Map.of()),
        s.mainMetric(),
        e.flatMap(RunEnd::unit),
        e.map(RunEnd::exitCode).orElse(OptionalInt.empty()),
        e.map(RunEnd::message).orElse(""),
        e.map(RunEnd::artifacts).orElse(List.of()),
        s.startKnown(),
        s.parentId());
  }
}
