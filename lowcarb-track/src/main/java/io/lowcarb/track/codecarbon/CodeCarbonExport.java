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
 * GB, then lowcarb's {@code energy_method} and {@code uncertainty_pct}), so that CodeCarbon's
 * dashboard and scripts read lowcarb's history. Runs without a footprint are not exported. A
 * figure not known (an imported row's blank cell, the uncertainty of a run stored before lowcarb
 * kept it) is written blank again, and so is any figure derived from it (a rate needs the duration).
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
    double seconds = run.duration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    Map<String, String> v = new HashMap<>();
    v.put("timestamp", LocalDateTime.ofInstant(run.end().orElseThrow(), zone).truncatedTo(ChronoUnit.MICROS).toString());
    v.put("project_name", run.name());
    v.put("run_id", run.parameters().getOrDefault("run_id", run.id()));
    v.put("experiment_id", run.kind().label());
    v.put("duration", num(seconds));
    v.put("emissions", num(f.emissionsKg()));
    v.put("emissions_rate", num(perSecond(f.emissionsKg(), seconds)));
    // A footprint with only a total (an imported CodeCarbon 1.x row) does not know its components:
    // blank, not 0. One with components has none other: a component not there used none.
    boolean components = f.energy().stream().anyMatch(e -> !e.component().equals("total"));
    for (String c : new String[] {"cpu", "gpu", "ram"}) {
      double kwh = !components ? Double.NaN
          : f.energy().stream().filter(e -> e.component().equals(c)).mapToDouble(EnergyFigure::kwh).sum();
      v.put(c + "_energy", num(kwh));
      v.put(c + "_power", num(perSecond(kwh * 3.6e6, seconds)));
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
    v.put("energy_method", f.method().map(m -> m.label()).orElse(""));
    v.put("uncertainty_pct", num(f.uncertaintyPct()));
    return CodeCarbonCsv.COLUMNS.stream()
        .map(c -> CodeCarbonCsv.escape(v.getOrDefault(c, "")))
        .collect(Collectors.joining(","));
  }

  /** {@code amount} per second; NaN (a blank cell) when either is not known, 0 over no time. */
  private static double perSecond(double amount, double seconds) {
    if (Double.isNaN(amount) || Double.isNaN(seconds)) {
      return Double.NaN;
    }
    return seconds > 0 ? amount / seconds : 0;
  }
}
