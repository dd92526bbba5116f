package io.lowcarb.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.lowcarb.advise.FlopCount;
import io.lowcarb.advise.MeasuredRun;
import io.lowcarb.advise.Option;
import io.lowcarb.advise.Rank;
import io.lowcarb.advise.Workload;
import io.lowcarb.advise.hardware.Precision;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** What {@code lowcarb advise} prints and writes. */
final class AdviseReport {
  private AdviseReport() {}

  static void print(PrintWriter out, Workload work, List<Option> ranked, List<String> notes, Rank by, double weight, int top) {
    out.println("advise: " + describe(work));
    long hardware = ranked.stream().map(Option::hardwareName).distinct().count();
    long regions = ranked.stream().map(Option::regionName).distinct().count();
    out.printf(Locale.ROOT, "advise: %d options (%d hardware, %d regions), ranked by %s; the best %d:%n", ranked.size(),
        hardware, regions, by == Rank.COST ? String.format(Locale.ROOT, "cost (weight %.2f on CO2e)", weight)
            : by.name().toLowerCase(Locale.ROOT), Math.min(top, ranked.size()));
    out.printf(Locale.ROOT, "%3s  %-30s %-28s %10s  %-24s %-12s %s%n", "#", "hardware", "region", "time", "energy", "CO2e", "+/-");
    for (int i = 0; i < Math.min(top, ranked.size()); i++) {
      Option o = ranked.get(i);
      out.printf(Locale.ROOT, "%3d  %-30s %-28s %10s  %-24s %-12s %.0f %%%s%n", i + 1, o.hardwareName(), o.regionName(),
          time(o.hours()), Summary.energy(o.energyKwh() * 3.6e6), Summary.grams(o.emissionsKg() * 1000),
          o.uncertaintyPct(), o.measured() ? "  (measured)" : "");
    }
    out.println("assumptions of #1:");
    ranked.getFirst().assumptions().forEach(a -> out.println("  - " + a));
    notes.forEach(n -> out.println("note: " + n));
  }

  private static String describe(Workload work) {
    return switch (work) {
      case MeasuredRun r -> String.format(Locale.ROOT, "%s: measured %s over %s on %s%s", r.label(),
          Summary.energy(r.energyKwh() * 3.6e6), time(r.hours()), r.ranOn().name(),
          r.ranIn().map(z -> " in " + z.zone()).orElse(""));
      case FlopCount f -> String.format(Locale.ROOT, "%.3g FLOP at %.0f %% of each device's peak", f.flops(), 100 * f.peakFraction());
    };
  }

  private static String time(double hours) {
    double seconds = hours * 3600;
    return seconds < 10 ? String.format(Locale.ROOT, "%.3g s", seconds) : Durations.text(Duration.ofMillis((long) (seconds * 1000)));
  }

  static void writeJson(OutputStream o, Workload work, List<Option> ranked, List<String> notes, Rank by, double weight,
      Precision precision) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(o, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("work", describe(work));
      g.writeStringField("rank", by.name().toLowerCase(Locale.ROOT));
      if (by == Rank.COST) {
        g.writeNumberField("weight", weight);
      }
      g.writeStringField("precision", precision.name().toLowerCase(Locale.ROOT));
      g.writeArrayFieldStart("options");
      for (Option opt : ranked) {
        g.writeStartObject();
        g.writeStringField("hardware", opt.hardwareName());
        g.writeStringField("region", opt.regionName());
        g.writeNumberField("hours", opt.hours());
        g.writeNumberField("energy_kwh", opt.energyKwh());
        g.writeNumberField("emissions_kg", opt.emissionsKg());
        g.writeNumberField("uncertainty_pct", opt.uncertaintyPct());
        g.writeBooleanField("measured", opt.measured());
        g.writeNumberField("g_per_kwh", opt.region().gPerKwh());
        g.writeNumberField("pue", opt.region().pue());
        g.writeArrayFieldStart("assumptions");
        for (String a : opt.assumptions()) {
          g.writeString(a);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("notes");
      for (String n : notes) {
        g.writeString(n);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }
}
