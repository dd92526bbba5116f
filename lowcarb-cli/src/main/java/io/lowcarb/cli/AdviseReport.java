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
import io.lowcarb.energy.report.BasisJson;
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
    out.printf(Locale.ROOT, "%3s  %-30s %-28s %10s  %-24s %-12s %5s  %s%n", "#", "hardware", "region", "time", "energy",
        "CO2e", "+/-", "method");
    for (int i = 0; i < Math.min(top, ranked.size()); i++) {
      Option o = ranked.get(i);
      out.printf(Locale.ROOT, "%3d  %-30s %-28s %10s  %-24s %-12s %3.0f %%  %s%s%n", i + 1, o.hardwareName(),
          o.regionName(), time(o.hours()), Summary.energy(o.energyKwh() * 3.6e6), Summary.grams(o.emissionsKg() * 1000),
          o.uncertaintyPct(), o.basis().method().label(), o.asRun() ? " (as run)" : "");
    }
    out.println("assumptions of #1:");
    ranked.getFirst().assumptions().forEach(a -> out.println("  - " + a));
    notes.forEach(n -> out.println("note: " + n));
  }

  /** The best region now and the best window there. */
  static void printWindow(PrintWriter out, AdviseWindow.Result w) {
    AdviseWindow.RegionNow best = w.regions().getFirst();
    out.printf(Locale.ROOT, "best region now (%s): %s, %.1f gCO2e/kWh x PUE %.2f = %.1f%n", w.now(),
        best.region().zone(), best.gPerKwh(), best.region().pue(), best.effective());
    for (AdviseWindow.RegionNow r : w.regions().subList(1, w.regions().size())) {
      out.printf(Locale.ROOT, "  then %s, %.1f x PUE %.2f = %.1f%n", r.region().zone(), r.gPerKwh(), r.region().pue(),
          r.effective());
    }
    Option o = w.option();
    out.printf(Locale.ROOT, "best window for %s in %s (the best option with a series; %s estimated): %s to %s%n",
        o.hardwareName(), o.regionName(), Durations.text(w.estimate()), w.plan().start(), w.plan().end());
    out.printf(Locale.ROOT, "  %.1f gCO2e/kWh against %.1f at once, %.1f %% less: %s CO2e against %s (%s)%n",
        w.plan().avgIntensity(), w.plan().runNowAvgIntensity(), w.plan().savingsPct(),
        Summary.grams(w.emissionsKg() * 1000), Summary.grams(w.runNowEmissionsKg() * 1000), o.basis());
  }

  private static String describe(Workload work) {
    return switch (work) {
      case MeasuredRun r -> String.format(Locale.ROOT, "%s: %s (%s) over %s on %s%s", r.label(),
          Summary.energy(r.energyKwh() * 3.6e6), r.basis(), time(r.hours()), r.ranOn().name(),
          r.ranIn().map(z -> " in " + z.zone()).orElse(""));
      case FlopCount f -> String.format(Locale.ROOT, "%.3g FLOP at %.0f %% of each device's peak", f.flops(), 100 * f.peakFraction());
    };
  }

  private static String time(double hours) {
    double seconds = hours * 3600;
    return seconds < 10 ? String.format(Locale.ROOT, "%.3g s", seconds) : Durations.text(Duration.ofMillis((long) (seconds * 1000)));
  }

  static void writeJson(OutputStream o, Workload work, List<Option> ranked, List<String> notes, Rank by, double weight,
      Precision precision, java.util.Optional<AdviseWindow.Result> window) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(o, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("work", describe(work));
      g.writeStringField("rank", by.name().toLowerCase(Locale.ROOT));
      if (by == Rank.COST) {
        g.writeNumberField("weight", weight);
      }
      g.writeStringField("precision", precision.name().toLowerCase(Locale.ROOT));
      if (work instanceof MeasuredRun run) {
        g.writeObjectFieldStart("input");
        g.writeNumberField("energy_kwh", run.energyKwh());
        BasisJson.write(g, run.basis());
        g.writeStringField("basis_source", run.basisSource());
        g.writeNumberField("hours", run.hours());
        g.writeEndObject();
      }
      g.writeArrayFieldStart("options");
      for (Option opt : ranked) {
        g.writeStartObject();
        g.writeStringField("hardware", opt.hardwareName());
        g.writeStringField("region", opt.regionName());
        g.writeNumberField("hours", opt.hours());
        g.writeNumberField("energy_kwh", opt.energyKwh());
        g.writeNumberField("emissions_kg", opt.emissionsKg());
        BasisJson.write(g, opt.basis());
        g.writeBooleanField("as_run", opt.asRun());
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
      if (window.isPresent()) {
        writeWindow(g, window.get());
      }
      g.writeArrayFieldStart("notes");
      for (String n : notes) {
        g.writeString(n);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void writeWindow(JsonGenerator g, AdviseWindow.Result w) throws IOException {
    g.writeObjectFieldStart("best_region_now");
    g.writeStringField("at", w.now().toString());
    g.writeArrayFieldStart("regions");
    for (AdviseWindow.RegionNow r : w.regions()) {
      g.writeStartObject();
      g.writeStringField("region", r.region().zone());
      g.writeNumberField("g_per_kwh", r.gPerKwh());
      g.writeNumberField("pue", r.region().pue());
      g.writeNumberField("effective_g_per_kwh", r.effective());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("region", w.regions().getFirst().region().zone());
    g.writeEndObject();
    g.writeObjectFieldStart("best_window");
    g.writeStringField("region", w.option().regionName());
    g.writeStringField("hardware", w.option().hardwareName());
    g.writeNumberField("estimate_s", w.estimate().toSeconds());
    g.writeStringField("start", w.plan().start().toString());
    g.writeStringField("end", w.plan().end().toString());
    g.writeNumberField("avg_intensity_g_per_kwh", w.plan().avgIntensity());
    g.writeNumberField("run_now_avg_intensity_g_per_kwh", w.plan().runNowAvgIntensity());
    g.writeNumberField("savings_pct", w.plan().savingsPct());
    g.writeNumberField("emissions_kg", w.emissionsKg());
    g.writeNumberField("run_now_emissions_kg", w.runNowEmissionsKg());
    BasisJson.write(g, w.option().basis()); // the option's: its energy's, and an intensity's 20 %
    g.writeEndObject();
  }
}
