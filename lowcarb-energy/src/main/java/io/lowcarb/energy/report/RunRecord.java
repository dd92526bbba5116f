package io.lowcarb.energy.report;

import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.MachineInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A measured run as written to files.
 *
 * @param runId the run's id: in the run store too, when it is recorded
 * @param project a project name (CodeCarbon's {@code project_name})
 * @param experimentId an experiment id (CodeCarbon's {@code experiment_id}), may be empty
 * @param command the command measured, empty for a Java task
 * @param exitCode the command's exit status, absent while it runs
 * @param report the footprint
 * @param machine the machine
 * @param location where the energy was drawn: zone, country, cloud region
 * @param parentRunId the run it is recorded under (a scheduled job), if any
 */
public record RunRecord(
    UUID runId,
    String project,
    String experimentId,
    List<String> command,
    OptionalInt exitCode,
    EnergyReport report,
    MachineInfo machine,
    Location location,
    Optional<String> parentRunId) {

  public RunRecord {
    Objects.requireNonNull(parentRunId, "parentRunId");
  }

  /** A run of its own. */
  public RunRecord(
      UUID runId, String project, String experimentId, List<String> command, OptionalInt exitCode,
      EnergyReport report, MachineInfo machine, Location location) {
    this(runId, project, experimentId, command, exitCode, report, machine, location, Optional.empty());
  }

  /**
   * Where a run drew its energy.
   *
   * @param zone the intensity zone
   * @param countryIso2 ISO 3166 alpha-2 country code, or empty
   * @param countryName country name, or empty
   * @param region sub-national region, or empty
   * @param cloudProvider aws, gcp or azure, or empty
   * @param cloudRegion the cloud region, or empty
   */
  public record Location(
      String zone, String countryIso2, String countryName, String region, String cloudProvider, String cloudRegion) {

    /** Whether the run was in a cloud region. */
    public boolean onCloud() {
      return !cloudProvider.isEmpty();
    }
  }
}
