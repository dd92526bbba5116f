package io.lowcarb.track;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What is known of a run when it ends.
 *
 * @param status finished or failed
 * @param end when it ended
 * @param footprint its energy and emissions, if measured
 * @param metrics final metrics: accuracy, size_bytes, ...
 * @param artifacts the files it wrote
 * @param unit its functional unit, for the SCI
 * @param exitCode a command's exit status
 * @param message why it failed, or empty
 */
public record RunEnd(
    RunStatus status,
    Instant end,
    Optional<Footprint> footprint,
    Map<String, Double> metrics,
    List<Artifact> artifacts,
    Optional<FunctionalUnit> unit,
    OptionalInt exitCode,
    String message) {
  public RunEnd {
    metrics = Map.copyOf(metrics);
    artifacts = List.copyOf(artifacts);
  }

  /** A finished run with its footprint and metrics. */
  public static RunEnd finished(Instant end, Footprint footprint, Map<String, Double> metrics) {
    return new RunEnd(
        RunStatus.FINISHED, end, Optional.of(footprint), metrics, List.of(), Optional.empty(), OptionalInt.empty(), "");
  }

  public RunEnd withArtifacts(List<Artifact> files) {
    return new RunEnd(status, end, footprint, metrics, files, unit, exitCode, message);
  }

  public RunEnd withUnit(FunctionalUnit u) {
    return new RunEnd(status, end, footprint, metrics, artifacts, Optional.of(u), exitCode, message);
  }

  public RunEnd withExitCode(int code) {
    return new RunEnd(status, end, footprint, metrics, artifacts, unit, OptionalInt.of(code), message);
  }

  /** The same end, marked failed with {@code why}. */
  public RunEnd failed(String why) {
    return new RunEnd(RunStatus.FAILED, end, footprint, metrics, artifacts, unit, exitCode, why);
  }
}
