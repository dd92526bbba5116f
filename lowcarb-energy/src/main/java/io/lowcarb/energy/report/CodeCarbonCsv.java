package io.lowcarb.energy.report;

import io.lowcarb.energy.Component;
import io.lowcarb.energy.ComponentEnergy;
import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.MachineInfo;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Rows in CodeCarbon's {@code emissions.csv} format (the column order of CodeCarbon v3), with the
 * same units: seconds, kg, W, kWh, GB, then lowcarb's two columns: how the energy was obtained
 * ({@code energy_method}: measured, estimated or mixed) and its relative uncertainty in percent
 * ({@code uncertainty_pct}), which the emissions carry too. CodeCarbon's readers find its columns
 * by name and pass over the two more. The Python-specific columns hold their Java equivalents:
 * {@code python_version} the Java version, {@code codecarbon_version} lowcarb's version as {@code
 * lowcarb-X}. A row written while the run is still going has {@code tracking_mode} suffixed with
 * {@code -incomplete}.
 */
public final class CodeCarbonCsv {
  /** CodeCarbon v3's columns, in order: the header lowcarb wrote before it added its own two. */
  public static final List<String> CODECARBON_COLUMNS =
      List.of(
          "timestamp", "project_name", "run_id", "experiment_id", "duration", "emissions", "emissions_rate",
          "cpu_power", "gpu_power", "ram_power", "cpu_energy", "gpu_energy", "ram_energy", "energy_consumed",
          "water_consumed", "country_name", "country_iso_code", "region", "cloud_provider", "cloud_region", "os",
          "python_version", "codecarbon_version", "cpu_count", "cpu_model", "gpu_count", "gpu_model", "longitude",
          "latitude", "ram_total_size", "tracking_mode", "cpu_utilization_percent", "gpu_utilization_percent",
          "ram_utilization_percent", "ram_used_gb", "on_cloud", "pue", "wue");

  /** CodeCarbon v3's header line, without a line end: that of files written by earlier lowcarb versions. */
  public static final String CODECARBON_HEADER = String.join(",", CODECARBON_COLUMNS);

  /** lowcarb's columns after CodeCarbon's: the energy's method and relative uncertainty. */
  public static final List<String> BASIS_COLUMNS = List.of("energy_method", "uncertainty_pct");

  /** The columns lowcarb writes: CodeCarbon v3's, then {@link #BASIS_COLUMNS}. */
  public static final List<String> COLUMNS =
      java.util.stream.Stream.concat(CODECARBON_COLUMNS.stream(), BASIS_COLUMNS.stream()).toList();

  /** The header line, without a line end. */
  public static final String HEADER = String.join(",", COLUMNS);

  /** Marks a row written before the run ended. */
  public static final String INCOMPLETE = "-incomplete";

  private CodeCarbonCsv() {}

  /** One row of {@link #COLUMNS}, without a line end. */
  public static String row(RunRecord run, String lowcarbVersion) {
    return row(run, lowcarbVersion, COLUMNS);
  }

  /**
   * One row of {@code columns}: {@link #COLUMNS}, or {@link #CODECARBON_COLUMNS} for a file an
   * earlier lowcarb version began; without a line end.
   */
  public static String row(RunRecord run, String lowcarbVersion, List<String> columns) {
    if (!columns.equals(COLUMNS) && !columns.equals(CODECARBON_COLUMNS)) {
      throw new IllegalArgumentException("lowcarb writes CodeCarbon's columns, with or without its own two");
    }
    return fields(run, lowcarbVersion).subList(0, columns.size()).stream()
        .map(CodeCarbonCsv::escape)
        .collect(Collectors.joining(","));
  }

  /** The values of {@link #COLUMNS}, in order, not yet escaped. */
  private static List<String> fields(RunRecord run, String lowcarbVersion) {
    EnergyReport r = run.report();
    MachineInfo m = run.machine();
    RunRecord.Location loc = run.location();
    double seconds = r.seconds();
    List<String> v = new ArrayList<>(COLUMNS.size());
    v.add(LocalDateTime.ofInstant(r.end(), ZoneId.systemDefault()).truncatedTo(ChronoUnit.MICROS).toString());
    v.add(run.project());
    v.add(run.runId().toString());
    v.add(run.experimentId());
    v.add(num(seconds));
    v.add(num(r.emissionsKg()));
    v.add(num(seconds > 0 ? r.emissionsKg() / seconds : 0));
    v.add(num(watts(r, Component.CPU)));
    v.add(num(watts(r, Component.GPU)));
    v.add(num(watts(r, Component.RAM)));
    v.add(num(kwh(r, Component.CPU)));
    v.add(num(kwh(r, Component.GPU)));
    v.add(num(kwh(r, Component.RAM)));
    v.add(num(r.kwh()));
    v.add(num(0)); // water: lowcarb does not estimate it (wue 0)
    v.add(loc.countryName());
    v.add(iso3(loc.countryIso2()));
    v.add(loc.region());
    v.add(loc.cloudProvider());
    v.add(loc.cloudRegion());
    v.add(m.os());
    v.add(m.javaVersion());
    v.add("lowcarb-" + lowcarbVersion);
    v.add(Integer.toString(m.cpus()));
    v.add(m.cpuModel());
    v.add(Integer.toString(m.gpus().size()));
    v.add(gpuModel(m.gpus()));
    v.add("");
    v.add("");
    v.add(num(m.ramBytes() / 1e9));
    v.add(r.scope().label() + (r.complete() ? "" : INCOMPLETE));
    v.add(num(r.cpuUtilisation() * 100));
    v.add("");
    v.add(num(m.ramBytes() > 0 ? r.ramUsedBytes() / m.ramBytes() * 100 : 0));
    v.add(num(r.ramUsedBytes() / 1e9));
    v.add(loc.onCloud() ? "Y" : "N");
    v.add(num(r.pue()));
    v.add(num(0));
    if (r.components().isEmpty()) { // nothing measured: no method to name
      v.add("");
      v.add("");
    } else {
      EnergyBasis basis = EnergyBasis.of(r);
      v.add(basis.method().label());
      v.add(num(basis.uncertaintyPct()));
    }
    return v;
  }

  private static double watts(EnergyReport r, Component c) {
    return r.component(c).map(ComponentEnergy::averageWatts).orElse(0.0);
  }

  private static double kwh(EnergyReport r, Component c) {
    return r.component(c).map(ComponentEnergy::kwh).orElse(0.0);
  }

  /** CodeCarbon writes a count and the name when all GPUs are alike: {@code 2 x NVIDIA H100}. */
  static String gpuModel(List<String> gpus) {
    if (gpus.isEmpty()) {
      return "";
    }
    return gpus.stream()
        .distinct()
        .map(name -> gpus.stream().filter(name::equals).count() + " x " + name)
        .collect(Collectors.joining(", "));
  }

  /** CodeCarbon's country code is ISO 3166 alpha-3. */
  public static String iso3(String iso2) {
    if (iso2.length() != 2) {
      return "";
    }
    try {
      return Locale.of("", iso2).getISO3Country();
    } catch (java.util.MissingResourceException e) {
      return "";
    }
  }

  /** A number as CodeCarbon writes it; empty for NaN and infinities. */
  public static String num(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "";
    }
    return Double.toString(value);
  }

  /** A field quoted when it holds a comma, a quote or a line end. */
  public static String escape(String field) {
    if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
      return '"' + field.replace("\"", "\"\"") + '"';
    }
    return field;
  }
}
