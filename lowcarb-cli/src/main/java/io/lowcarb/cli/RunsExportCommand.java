package io.lowcarb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lowcarb.energy.report.AtomicFile;
import io.lowcarb.track.Point;
import io.lowcarb.track.Run;
import io.lowcarb.track.RunStore;
import io.lowcarb.track.codecarbon.CodeCarbonExport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lowcarb runs export}. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write runs as CodeCarbon's emissions.csv with lowcarb's energy_method and uncertainty_pct after its "
        + "columns (--format csv) or as JSON with their series (--format json), to standard output or --out FILE.")
final class RunsExportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Mixin RunSelection selection;

  @Option(names = "--format", required = true, paramLabel = "csv|json", description = "csv: CodeCarbon's columns; json: everything stored.")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write here (replaced whole, never half written) rather than to standard output.")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (!format.equals("csv") && !format.equals("json")) {
      throw new UsageException("--format must be csv or json, got '" + format + "'");
    }
    if (out != null && out.toAbsolutePath().getParent() != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
      throw new UsageException("the directory of " + out + " does not exist");
    }
    byte[] bytes;
    int skipped = 0;
    try (RunStore s = store.open()) {
      List<Run> runs = s.list(selection.filter()).reversed(); // oldest first, as a log grows
      if (format.equals("csv")) {
        StringBuilder b = new StringBuilder(CodeCarbonExport.header()).append('\n');
        for (Run r : runs) {
          if (r.footprint().isEmpty() || r.end().isEmpty()) {
            skipped++;
            continue;
          }
          b.append(CodeCarbonExport.row(r, ZoneId.systemDefault(), Main.version())).append('\n');
        }
        bytes = b.toString().getBytes(StandardCharsets.UTF_8);
      } else {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Run r : runs) {
          all.add(json(r, s.series(r.id())));
        }
        bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsBytes(Map.of("runs", all));
      }
    }
    if (out == null) {
      OutputStream o = System.out;
      o.write(bytes);
      o.flush();
    } else {
      AtomicFile.write(out, o -> o.write(bytes));
    }
    PrintWriter err = spec.commandLine().getErr();
    if (skipped > 0) {
      err.println("runs export: " + skipped + " run(s) without a footprint (still running, or never measured) left out of the CSV");
    }
    return 0;
  }

  private static Map<String, Object> json(Run r, Map<String, List<Point>> series) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("parent_run_id", r.parentId().orElse(null));
    m.put("kind", r.kind().label());
    m.put("name", r.name());
    m.put("command", r.command());
    m.put("status", RunText.status(r));
    m.put("start", r.knownStart().map(Object::toString).orElse(null));
    m.put("end", r.end().map(Object::toString).orElse(null));
    m.put("duration_s", r.duration().map(d -> d.toNanos() / 1e9).orElse(null));
    m.put("parameters", r.parameters());
    m.put("machine", r.machine());
    r.footprint().ifPresent(f -> {
      Map<String, Object> fp = new LinkedHashMap<>();
      // A figure not known is null: JSON has no NaN
      fp.put("energy_kwh", f.knownKwh().isPresent() ? f.kwh() : null);
      fp.put("emissions_kg", f.knownEmissionsKg().isPresent() ? f.emissionsKg() : null);
      fp.put("energy_method", f.method().map(o -> o.label()).orElse(null));
      fp.put("uncertainty_pct", f.knownUncertaintyPct().isPresent() ? f.uncertaintyPct() : null);
      fp.put("pue", f.pue());
      Map<String, Object> intensity = new LinkedHashMap<>();
      intensity.put("g_per_kwh", f.knownIntensity().isPresent() ? f.intensityGPerKwh() : null);
      intensity.put("zone", f.zone());
      intensity.put("source", f.intensitySource());
      intensity.put("kind", f.intensityKind());
      fp.put("intensity", intensity);
      List<Map<String, Object>> components = new ArrayList<>();
      for (var e : f.energy()) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("component", e.component());
        c.put("kwh", e.kwh());
        c.put("method", e.method());
        c.put("sensor", e.sensor());
        c.put("uncertainty_pct", e.knownUncertaintyPct().isPresent() ? e.uncertaintyPct() : null);
        components.add(c);
      }
      fp.put("components", components);
      m.put("footprint", fp);
    });
    m.put("metrics", r.metrics());
    m.put("main_metric", r.mainMetric());
    r.unit().ifPresent(u -> m.put("functional_unit", u));
    r.exitCode().ifPresent(c -> m.put("exit_code", c));
    m.put("message", r.message());
    m.put("artifacts", r.artifacts());
    Map<String, List<double[]>> s = new LinkedHashMap<>();
    series.forEach((k, v) -> s.put(k, v.stream().map(p -> new double[] {p.x(), p.y()}).toList()));
    m.put("series", s);
    return m;
  }
}
