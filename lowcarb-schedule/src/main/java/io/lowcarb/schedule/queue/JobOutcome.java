package io.lowcarb.schedule.queue;

import io.lowcarb.energy.EnergyReport;
import java.util.Objects;
import java.util.Optional;

/**
 * How a job's run ended.
 *
 * @param exitCode the command's exit code (0 means done, anything else failed)
 * @param footprint its energy and emissions, when the runner measured them
 * @param report the whole measurement (components, methods, intensity source), when measured
 */
public record JobOutcome(int exitCode, Optional<Footprint> footprint, Optional<EnergyReport> report) {

  public JobOutcome {
    Objects.requireNonNull(footprint, "footprint");
    Objects.requireNonNull(report, "report");
  }

  /** An exit code and figures, without the measurement they came from. */
  public JobOutcome(int exitCode, Optional<Footprint> footprint) {
    this(exitCode, footprint, Optional.empty());
  }

  /** An exit code without figures. */
  public static JobOutcome unmeasured(int exitCode) {
    return new JobOutcome(exitCode, Optional.empty());
  }

  /** An exit code and the report of the run's measurement. */
  public static JobOutcome measured(int exitCode, EnergyReport report) {
    return new JobOutcome(exitCode, Optional.of(Footprint.of(report)), Optional.of(report));
  }
}
