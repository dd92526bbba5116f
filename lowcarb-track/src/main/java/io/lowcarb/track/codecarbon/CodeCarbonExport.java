package io.lowcarb.track.codecarbon;

import static io.lowcarb.energy.report.CodeCarbonCsv.num;

import io.lowcarb.energy.report.CodeCarbonCsv;
import io.lowcarb.track.EnergyFigure;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.Run;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stored runs as rows of CodeCarbon's {@code emissions.csv} (v3 columns, its units: s, kg, W, kWh,
 * GB), so that CodeCarbon's dashboard and scripts read lowcarb's history. Runs without a
 * footprint are not exported.
 */
public final class CodeCarbonExport {
  private CodeCarbonExport() {}

  /** The header line, without a line end. */
  public static String header() {
    return CodeCarbonCsv.HEADER;
  }

  /** The row of {@code run}, which must have a footprint and an end; without a line end. */
  public static String row(Run run, ZoneId zone, String lowcarbVersion) {
    Footprint f = run.footprint().orElseThrow(() -> new IllegalArgumentException("run " + run.id() + " has no footprint"));
    double seconds = run.duration().orElseThrow().toNanos() / 1e9;
    Map<String, String> v = new HashMap<>();
    v.put("timestamp", LocalDateTime.ofInstant(run.end().orElseThrow(), zone).truncatedTo(ChronoUnit.MICROS).toString());
    v.put("project_name", run.name());
    v.put("run_id", run.parameters().getOrDefault("run_id", run.id()));
    v.put("experiment_id", run.kind().label());
    v.put("duration", num(seconds));
    v.put("emissions", num(f.emissionsKg()));
    v.put("emissions_rate", num(seconds > 0 ? f.emissionsKg() / seconds : 0));
    for (String c : new String[] {"cpu", "gpu", "ram"}) {
      double kwh = f.energy().stream().filter(e -> e.component().equals(c)).mapToDouble(EnergyFigure::kwh).sum();
      v.put(c + "_energy", num(kwh));
      v.put(c + "_power", num(seconds > 0 ? kwh * 3.6e6 / seconds : 0));
    }
    v.put("energy_consumed", num(f.kwh()));
    v.put("water_consumed", num(0));
    v.put("cloud_region", f.zone().contains(":") ? f.zone().substring(f.zone().indexOf(':') + 1) : "");
    v.put("cloud_provider", f.zone().contains(":") ? f.zone().substring(0, f.zone().indexOf(':')) : "");
    v.put("region", f.zone());
    v.put("os", run.machine().os());
    v.put("python_version", "");
    v.put("codecarbon_version", "lowcarb-" + lowcarbVersion);
    v.put("cpu_count", Integer.toString(run.machine().cpus()));
    v.put("cpu_model", run.machine().cpuModel());
    v.put("gpu_count", Integer.toString(run.machine().gpus().size()));
    v.put("gpu_model", String.join(", ", run.machine().gpus()));
    v.put("ram_total_size", num(run.machine().ramBytes() / 1e9));
    v.put("tracking_mode", run.status().name().toLowerCase(java.util.Locale.ROOT));
    v.put("on_cloud", f.zone().contains(":") ? "Y" : "N");
    v.put("pue", num(f.pue()));
    v.put("wue", num(0));
    return CodeCarbonCsv.COLUMNS.stream()
        .map(c -> CodeCarbonCsv.escape(v.getOrDefault(c, "")))
        .collect(Collectors.joining(","));
  }
}
