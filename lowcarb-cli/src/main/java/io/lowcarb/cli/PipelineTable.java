package io.lowcarb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The pipeline's table: the baseline and each variant with accuracy, parameters, size, the
 * training energy and CO2e spent to get there (cumulative), the inference energy and CO2e per
 * 1,000 predictions, and the saving against the baseline.
 */
final class PipelineTable {
  private PipelineTable() {}

  static void print(PrintWriter out, JsonNode train, JsonNode compress, double target) {
    String row = "%-18s %8s %9s %11s %12s %12s %12s %12s %8s %8s%n";
    out.printf(Locale.ROOT, row, "model", "accuracy", "params", "size", "training J", "training CO2",
        "J per 1,000", "CO2 per 1k", "smaller", "cheaper");
    JsonNode variants = compress.path("variants");
    JsonNode base = variants.get(0);
    double trainKwh = train.path("energy_kwh").asDouble();
    double trainKg = train.path("emissions_kg").asDouble();
    for (JsonNode v : variants) {
      trainKwh += v.path("training_energy_kwh").asDouble();
      trainKg += v.path("training_emissions_kg").asDouble();
      double acc = v.path("accuracy").asDouble();
      out.printf(Locale.ROOT, row, v.path("name").asText(),
          String.format(Locale.ROOT, "%.4f%s", acc, acc < target ? "*" : ""),
          String.format(Locale.ROOT, "%,d", v.path("params").asLong()),
          String.format(Locale.ROOT, "%,d B", v.path("size_bytes").asLong()),
          String.format(Locale.ROOT, "%.1f", trainKwh * 3.6e6),
          Summary.grams(trainKg * 1000),
          String.format(Locale.ROOT, "%.4g", v.path("energy_j_per_1k").asDouble()),
          Summary.grams(v.path("emissions_g_per_1k").asDouble()),
          String.format(Locale.ROOT, "%.1fx", ratio(base, v, "size_bytes")),
          String.format(Locale.ROOT, "%.1fx", ratio(base, v, "energy_j_per_1k")));
    }
    JsonNode last = variants.get(variants.size() - 1);
    out.printf(Locale.ROOT, "final model: %s, %.4f accuracy (baseline %.4f, %+.2f points), %.1fx smaller, %.1fx cheaper"
            + " per 1,000 inferences%s%n", last.path("file").asText(), last.path("accuracy").asDouble(),
        base.path("accuracy").asDouble(), 100 * (last.path("accuracy").asDouble() - base.path("accuracy").asDouble()),
        ratio(base, last, "size_bytes"), ratio(base, last, "energy_j_per_1k"),
        last.path("accuracy").asDouble() < target ? " (* below the target accuracy)" : "");
  }

  private static double ratio(JsonNode base, JsonNode v, String field) {
    double b = base.path(field).asDouble();
    double x = v.path(field).asDouble();
    return x > 0 ? b / x : Double.NaN;
  }
}
