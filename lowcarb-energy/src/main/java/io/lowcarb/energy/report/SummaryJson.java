package io.lowcarb.energy.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.lowcarb.energy.ComponentEnergy;
import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.MachineInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON summary of a run. Field names are a contract: {@code run_id} (the run store's id of the
 * run when it is recorded), {@code parent_run_id} (when it is recorded under another), {@code command}, {@code
 * exit_code}, {@code duration_s}, {@code energy_kwh}, {@code emissions_kg}, {@code energy_method},
 * {@code uncertainty_pct}, {@code pue}, {@code
 * components}, {@code intensity}, {@code machine}, and more. The file is replaced atomically, so a
 * crash never leaves half a file.
 */
public final class SummaryJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private SummaryJson() {}

  /** Writes {@code run} to {@code file}, replacing it atomically. */
  public static void write(RunRecord run, Path file) throws IOException {
    AtomicFile.write(file, out -> write(run, out));
  }

  /** Writes {@code run} as JSON to {@code out}. */
  public static void write(RunRecord run, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      EnergyReport r = run.report();
      g.writeStartObject();
      g.writeStringField("run_id", run.runId().toString());
      if (run.parentRunId().isPresent()) {
        g.writeStringField("parent_run_id", run.parentRunId().get());
      }
      g.writeStringField("task", r.task());
      g.writeArrayFieldStart("command");
      for (String arg : run.command()) {
        g.writeString(arg);
      }
      g.writeEndArray();
      if (run.exitCode().isPresent()) {
        g.writeNumberField("exit_code", run.exitCode().getAsInt());
      } else {
        g.writeNullField("exit_code");
      }
      g.writeBooleanField("complete", r.complete());
      g.writeStringField("start", r.start().toString());
      g.writeStringField("end", r.end().toString());
      g.writeNumberField("duration_s", r.seconds());
      g.writeStringField("scope", r.scope().label());
      g.writeNumberField("energy_kwh", r.kwh());
      g.writeNumberField("emissions_kg", r.emissionsKg());
      basis(g, r.components());
      g.writeNumberField("pue", r.pue());
      components(g, "components", r.components());
      g.writeObjectFieldStart("intensity");
      g.writeNumberField("g_per_kwh", r.intensity().gPerKwh());
      g.writeStringField("zone", r.intensity().zone());
      g.writeStringField("source", r.intensity().source());
      g.writeStringField("kind", r.intensity().kind().label());
      g.writeEndObject();
      g.writeObjectFieldStart("machine_total");
      g.writeNumberField("energy_kwh", r.machineKwh());
      g.writeNumberField("emissions_kg", r.machineEmissionsGrams() / 1000);
      basis(g, r.machineComponents());
      components(g, "components", r.machineComponents());
      g.writeEndObject();
      machine(g, run.machine(), r);
      g.writeArrayFieldStart("warnings");
      for (String w : r.warnings()) {
        g.writeString(w);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /** {@code energy_method} and {@code uncertainty_pct} of the total of {@code components}. */
  private static void basis(JsonGenerator g, List<ComponentEnergy> components) throws IOException {
    if (!components.isEmpty()) {
      BasisJson.write(g, EnergyBasis.of(components));
    }
  }

  private static void components(JsonGenerator g, String field, List<ComponentEnergy> components) throws IOException {
    g.writeArrayFieldStart(field);
    for (ComponentEnergy c : components) {
      g.writeStartObject();
      g.writeStringField("name", c.component().label());
      g.writeNumberField("energy_kwh", c.kwh());
      g.writeNumberField("avg_power_w", c.averageWatts());
      g.writeStringField("method", c.method().label());
      g.writeNumberField("uncertainty_pct", c.uncertaintyPct());
      g.writeStringField("sensor", c.sensor());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void machine(JsonGenerator g, MachineInfo m, EnergyReport r) throws IOException {
    g.writeObjectFieldStart("machine");
    g.writeStringField("cpu_model", m.cpuModel());
    g.writeNumberField("cpu_cores", m.cpus());
    g.writeNumberField("ram_gb", m.ramBytes() / 1e9);
    g.writeArrayFieldStart("gpus");
    for (String gpu : m.gpus()) {
      g.writeString(gpu);
    }
    g.writeEndArray();
    g.writeStringField("os", m.os());
    g.writeStringField("java_version", m.javaVersion());
    g.writeNumberField("cpu_utilization_percent", r.cpuUtilisation() * 100);
    g.writeEndObject();
  }
}
