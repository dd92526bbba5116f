package io.lowcarb.track.codecarbon;

import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.track.EnergyFigure;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.ImportedRun;
import io.lowcarb.track.Machine;
import io.lowcarb.track.RunEnd;
import io.lowcarb.track.RunKind;
import io.lowcarb.track.RunStart;
import io.lowcarb.track.RunStatus;
import io.lowcarb.track.RunStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One row of an emissions.csv as a run. CodeCarbon's energies are its own, measured or estimated:
 * they are labelled {@code codecarbon}, and the run's method and uncertainty are not known, unless
 * the row has lowcarb's columns {@code energy_method} and {@code uncertainty_pct} (a file lowcarb
 * wrote). Its timestamp is when the row was written, the end of the run (its totals so far for a
 * row written by a flush); the start is that less the duration. A row whose {@code run_id} is a
 * UUID naming one run (no task) keeps it as its id in the store.
 */
final class CodeCarbonRun {
  /** Starts the key of every run imported from CodeCarbon. */
  static final String KEY_PREFIX = "codecarbon:";

  /** The CodeCarbon columns kept as the run's parameters. */
  private static final List<String> KEPT = List.of("run_id", "experiment_id", "task_name", "codecarbon_version",
      "tracking_mode", "country_name", "country_iso_code", "region", "cloud_provider", "cloud_region", "on_cloud");

  private CodeCarbonRun() {}

  /**
   * The run of {@code row}.
   *
   * @param file the file, kept as a parameter
   * @throws RowProblem when the row has no timestamp, or neither a duration nor an energy, or a
   *     figure that is not a number
   */
  static ImportedRun of(CodeCarbonRow row, ZoneId zone, String file) throws RowProblem {
    Instant end = row.time("timestamp", zone);
    OptionalDouble seconds = row.amount("duration");
    OptionalDouble kwh = row.amount("energy_consumed");
    if (seconds.isEmpty() && kwh.isEmpty()) {
      throw new RowProblem("no duration or energy");
    }
    Optional<Footprint> footprint = footprint(row, kwh, row.amount("emissions"));

    Map<String, String> params = new TreeMap<>();
    for (String c : KEPT) {
      if (!row.text(c).isEmpty()) {
        params.put(c, row.text(c));
      }
    }
    String runId = row.text("run_id");
    if (runId.isEmpty()) {
      // A name-based UUID: the same row read again gets the same id, so importing it twice adds nothing.
      runId = UUID.nameUUIDFromBytes(row.content("run_id")).toString();
      params.put("run_id", runId);
      params.put("run_id_generated", "from the row's content: blank in the file");
    }
    params.put("source_file", file);
    params.put("source_line", Integer.toString(row.line()));

    String project = row.text("project_name").isEmpty() ? "codecarbon" : row.text("project_name");
    String task = row.text("task_name");
    Instant start = seconds.isPresent() ? end.minusNanos(Math.round(seconds.getAsDouble() * 1e9)) : end;
    RunStart s = new RunStart(RunKind.IMPORTED, clip(task.isEmpty() ? project : project + ": " + task, 300), "codecarbon",
        params, start, machine(row), "", seconds.isPresent());
    RunEnd e = new RunEnd(RunStatus.FINISHED, end, footprint, Map.of(), List.of(), Optional.empty(),
        OptionalInt.empty(), "");
    Optional<String> id = task.isEmpty() && RunStore.isUuid(runId) ? Optional.of(runId) : Optional.empty();
    return new ImportedRun(s, e, key(runId, task), id);
  }

  /** Energy and emissions, either of which may be missing; empty when both are. */
  private static Optional<Footprint> footprint(CodeCarbonRow row, OptionalDouble kwh, OptionalDouble kg)
      throws RowProblem {
    if (kwh.isEmpty() && kg.isEmpty()) {
      return Optional.empty();
    }
    double pue = row.amount("pue").orElse(1.0); // CodeCarbon's default; 1.x applied none
    if (pue == 0) {
      throw new RowProblem("pue is 0");
    }
    List<EnergyFigure> energy = new ArrayList<>();
    for (String c : List.of("cpu", "gpu", "ram")) {
      OptionalDouble part = row.amount(c + "_energy");
      if (part.isPresent() && part.getAsDouble() > 0) {
        energy.add(new EnergyFigure(c, part.getAsDouble(), "codecarbon", "codecarbon"));
      }
    }
    if (energy.isEmpty() && kwh.isPresent()) {
      energy.add(new EnergyFigure("total", kwh.getAsDouble(), "codecarbon", "codecarbon"));
    }
    double intensity = kwh.isPresent() && kg.isPresent() && kwh.getAsDouble() > 0
        ? kg.getAsDouble() * 1000 / (kwh.getAsDouble() * pue)
        : Double.NaN;
    String zone = clip(first(row.text("cloud_region"), row.text("country_iso_code"), row.text("country_name")), 100);
    return Optional.of(new Footprint(energy, kwh.orElse(Double.NaN), kg.orElse(Double.NaN), intensity, zone,
        "CodeCarbon (emissions / energy of the imported row)", "average", pue, method(row),
        row.amount("uncertainty_pct").orElse(Double.NaN)));
  }

  /** lowcarb's {@code energy_method} column: empty when blank or absent (CodeCarbon's own files). */
  private static Optional<EnergyBasis.Obtained> method(CodeCarbonRow row) throws RowProblem {
    String m = row.text("energy_method");
    if (m.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(EnergyBasis.Obtained.ofLabel(m.toLowerCase(java.util.Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new RowProblem(e.getMessage());
    }
  }

  private static Machine machine(CodeCarbonRow row) {
    return new Machine(
        "unknown",
        first(row.text("cpu_model"), "unknown"),
        (int) row.description("cpu_count").orElse(0),
        (long) (row.description("ram_total_size").orElse(0) * 1e9),
        row.text("gpu_model").isEmpty() ? List.of() : List.of(row.text("gpu_model")),
        first(row.text("os"), "unknown"));
  }

  /** {@code codecarbon:RUN_ID}, with {@code #TASK} for a task file's rows; a digest when that is too long to store. */
  private static String key(String runId, String task) {
    String key = KEY_PREFIX + runId + (task.isEmpty() ? "" : "#" + task);
    if (key.length() <= 300) {
      return key;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return KEY_PREFIX + "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** At most {@code max} characters, as the store's column holds: the whole text stays in the parameters. */
  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }

  private static String first(String... options) {
    for (String o : options) {
      if (!o.isBlank()) {
        return o;
      }
    }
    return "";
  }
}
