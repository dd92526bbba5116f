package io.lowcarb.track.codecarbon;

import io.lowcarb.energy.text.SimpleCsv;
import io.lowcarb.track.EnergyFigure;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.Machine;
import io.lowcarb.track.RunEnd;
import io.lowcarb.track.RunKind;
import io.lowcarb.track.RunStart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads CodeCarbon's {@code emissions.csv}, whichever of its versions wrote it: v1 had only the
 * totals (timestamp, duration, emissions, energy_consumed and the location), v2 added power and
 * energy per component and the machine, v2.2 and v3 more. Columns are found by name; only the
 * four of v1 are required. CodeCarbon's energies are its own, measured or estimated: they are
 * labelled {@code codecarbon}. Its timestamps, the end of each run, are local times without a
 * zone: they are read in {@code zone}.
 */
public final class CodeCarbonImport {
  /** The parameter that holds an imported row's key, so that a file imported twice adds nothing. */
  public static final String KEY = "import_key";

  static final List<String> REQUIRED = List.of("timestamp", "duration", "emissions", "energy_consumed");

  private CodeCarbonImport() {}

  /** The runs of {@code file}. */
  public static List<ImportedRun> read(Path file, ZoneId zone) throws IOException, CodeCarbonFormatException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || lines.getFirst().isBlank()) {
      throw new CodeCarbonFormatException(file + " is empty: not a CodeCarbon emissions.csv");
    }
    List<String> header = SimpleCsv.split(lines.getFirst().replace("\uFEFF", "").strip());
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.put(header.get(i).strip().toLowerCase(java.util.Locale.ROOT), i);
    }
    List<String> missing = REQUIRED.stream().filter(c -> !index.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new CodeCarbonFormatException(
          file + " is not a CodeCarbon emissions.csv: missing column" + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing));
    }
    List<ImportedRun> runs = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) {
        continue;
      }
      Row row = new Row(file, n + 1, SimpleCsv.split(lines.get(n)), index);
      runs.add(run(row, zone));
    }
    return runs;
  }

  private static ImportedRun run(Row r, ZoneId zone) throws CodeCarbonFormatException {
    Instant end = r.time("timestamp", zone);
    double seconds = r.number("duration");
    double kg = r.number("emissions");
    double kwh = r.number("energy_consumed");
    if (seconds < 0 || kg < 0 || kwh < 0) {
      throw r.error("negative duration, emissions or energy");
    }
    double pue = r.has("pue") && !r.text("pue").isEmpty() ? r.number("pue") : 1.0;
    List<EnergyFigure> energy = new ArrayList<>();
    for (String c : List.of("cpu", "gpu", "ram")) {
      if (r.has(c + "_energy") && !r.text(c + "_energy").isEmpty() && r.number(c + "_energy") > 0) {
        energy.add(new EnergyFigure(c, r.number(c + "_energy"), "codecarbon", "codecarbon"));
      }
    }
    if (energy.isEmpty()) {
      energy.add(new EnergyFigure("total", kwh, "codecarbon", "codecarbon"));
    }
    String zoneName = first(r.text("cloud_region"), r.text("country_iso_code"), r.text("country_name"));
    Footprint footprint = new Footprint(
        energy, kwh, kg, kwh > 0 ? kg * 1000 / (kwh * pue) : 0, zoneName,
        "CodeCarbon (emissions / energy of the imported row)", "average", pue);
    Map<String, String> params = new TreeMap<>();
    for (String c : List.of("run_id", "experiment_id", "codecarbon_version", "tracking_mode", "country_name",
        "country_iso_code", "region", "cloud_provider", "cloud_region", "on_cloud")) {
      if (!r.text(c).isEmpty()) {
        params.put(c, r.text(c));
      }
    }
    params.put("source_file", r.file.toString());
    String key = r.text("run_id") + "@" + r.text("timestamp");
    params.put(KEY, key);
    String project = r.text("project_name").isEmpty() ? "codecarbon" : r.text("project_name");
    Machine machine = new Machine(
        "unknown",
        r.text("cpu_model").isEmpty() ? "unknown" : r.text("cpu_model"),
        r.has("cpu_count") && !r.text("cpu_count").isEmpty() ? (int) r.number("cpu_count") : 0,
        r.has("ram_total_size") && !r.text("ram_total_size").isEmpty() ? (long) (r.number("ram_total_size") * 1e9) : 0,
        r.text("gpu_model").isEmpty() ? List.of() : List.of(r.text("gpu_model")),
        first(r.text("os"), "unknown"));
    Instant start = end.minusNanos((long) (seconds * 1e9));
    RunStart s = new RunStart(RunKind.IMPORTED, project, "codecarbon", params, start, machine, "");
    RunEnd e = RunEnd.finished(end, footprint, Map.of());
    return new ImportedRun(s, e, key);
  }

  private static String first(String... options) {
    for (String o : options) {
      if (o != null && !o.isBlank()) {
        return o;
      }
    }
    return "";
  }

  /** A row, read by column name. */
  private record Row(Path file, int line, List<String> fields, Map<String, Integer> index) {
    boolean has(String column) {
      Integer i = index.get(column);
      return i != null && i < fields.size();
    }

    String text(String column) {
      return has(column) ? fields.get(index.get(column)).strip() : "";
    }

    double number(String column) throws CodeCarbonFormatException {
      String t = text(column);
      try {
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) {
          throw error(column + " is not a finite number: '" + t + "'");
        }
        return v;
      } catch (NumberFormatException e) {
        throw error(column + " is not a number: '" + t + "'");
      }
    }

    Instant time(String column, ZoneId zone) throws CodeCarbonFormatException {
      String t = text(column).replace(' ', 'T');
      try {
        return OffsetDateTime.parse(t).toInstant();
      } catch (DateTimeParseException e) {
        try {
          return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException e2) {
          throw error(column + " is not a date and time: '" + text(column) + "'");
        }
      }
    }

    CodeCarbonFormatException error(String what) {
      return new CodeCarbonFormatException(file + " line " + line + ": " + what);
    }
  }
}
