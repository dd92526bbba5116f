package io.lowcarb.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.lowcarb.energy.report.AtomicFile;
import io.lowcarb.schedule.window.BestPlace;
import io.lowcarb.schedule.window.Plan;
import io.lowcarb.schedule.window.Segment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lowcarb schedule window}: the greenest window for a job, and what it saves. */
@Command(
    name = "window",
    mixinStandardHelpOptions = true,
    description = {
      "Find the start (or, with --interruptible, the set of slots) with the least carbon intensity for a job",
      "before its deadline. With several --series, also the best zone (location shifting)."
    })
final class ScheduleWindowCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ScheduleSource source;

  @Option(names = "--duration", required = true, converter = Durations.class, paramLabel = "DURATION",
      description = "How long the job runs (e.g. 4h, 90m).")
  Duration duration;

  @Option(names = "--earliest", converter = Times.class, paramLabel = "TIME",
      description = "The earliest start, ISO-8601 (default: now).")
  Instant earliest;

  @Option(names = "--deadline", required = true, converter = Times.class, paramLabel = "TIME",
      description = "When the job must be done, ISO-8601 (e.g. 2023-06-03T00:00Z).")
  Instant deadline;

  @Option(names = "--interruptible", description = "The job may pause between whole slots of the series.")
  boolean interruptible;

  @Option(names = "--min-chunk", converter = Durations.class, paramLabel = "DURATION",
      description = "With --interruptible: the shortest stretch the job runs (default: one slot).")
  Duration minChunk = Duration.ZERO;

  @Option(names = "--overhead", converter = Durations.class, paramLabel = "DURATION",
      description = "With --interruptible: extra running after each interruption to restore state (default 0).")
  Duration overhead = Duration.ZERO;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the plan as JSON.")
  Path json;

  @Override
  public Integer call() throws IOException {
    if (!interruptible && (!minChunk.isZero() || !overhead.isZero())) {
      throw new UsageException("--min-chunk and --overhead need --interruptible");
    }
    Instant from = earliest != null ? earliest : Instant.now();
    List<ScheduleSource.Zone> zones = source.zones(from, deadline);
    List<BestPlace.Placement> ranked;
    try {
      BestPlace place = new BestPlace(zones.stream().map(ScheduleSource.Zone::place).toList());
      ranked = interruptible
          ? place.interruptible(from, deadline, duration, minChunk, overhead)
          : place.contiguous(from, deadline, duration);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    BestPlace.Placement home = ranked.stream()
        .filter(p -> p.zone() == zones.getFirst().place()).findFirst().orElseThrow();
    ScheduleSource.Zone homeZone = zones.getFirst();
    print(out, homeZone, home.plan(), zones, from);
    if (zones.size() > 1) {
      out.println();
      out.printf(Locale.ROOT, "%-16s %-22s %-22s %9s %6s %11s %8s%n",
          "zone", "start", "end", "g/kWh", "PUE", "g/kWh x PUE", "saving");
      for (BestPlace.Placement p : ranked) {
        out.printf(Locale.ROOT, "%-16s %-22s %-22s %9.1f %6.2f %11.1f %7.1f%%%n", p.zone().zone(),
            p.plan().start(), p.plan().end(), p.plan().avgIntensity(), p.zone().pue(), p.effectiveIntensity(),
            p.savingsPct());
      }
      out.println("saving: against running at once in " + homeZone.place().zone());
    }
    if (json != null) {
      AtomicFile.write(json, o -> writeJson(o, homeZone, home.plan(), ranked, zones, from));
    }
    return 0;
  }

  private void print(PrintWriter out, ScheduleSource.Zone zone, Plan plan, List<ScheduleSource.Zone> zones, Instant from) {
    out.printf(Locale.ROOT, "schedule: %s job in %s between %s and %s (%s)%n", Durations.text(duration),
        zone.place().zone(), earliestText(), deadline, zone.source());
    for (ScheduleSource.Zone z : zones) {
      String which = zones.size() > 1 ? z.place().zone() + ": " : "";
      z.notes().forEach(n -> out.println("schedule: note: " + which + n));
      GapSummary.of(z.gaps(from, deadline)).ifPresent(g -> out.println("schedule: note: " + which + g.text()));
    }
    if (plan.segments().size() == 1) {
      out.printf(Locale.ROOT, "best:     %s to %s, %.1f gCO2e/kWh on average%n", plan.start(), plan.end(),
          plan.avgIntensity());
    } else {
      out.printf(Locale.ROOT, "best:     %d stretches, %.1f gCO2e/kWh on average over %s of running%n",
          plan.segments().size(), plan.avgIntensity(), Durations.text(plan.running()));
      for (Segment s : plan.segments()) {
        out.printf("          %s to %s%n", s.start(), s.end());
      }
    }
    boolean held = !zone.gaps(from, from.plus(duration)).isEmpty();
    out.printf(Locale.ROOT, "at once:  %s, %.1f gCO2e/kWh on average%s%n", earliestText(), plan.runNowAvgIntensity(),
        held ? " (over a gap: the last value before it is held)" : "");
    out.printf(Locale.ROOT, "saving:   %.1f %% of the emissions%n", plan.savingsPct());
  }

  private String earliestText() {
    return (earliest != null ? earliest : Instant.now()).toString();
  }

  private void writeJson(OutputStream o, ScheduleSource.Zone zone, Plan plan, List<BestPlace.Placement> ranked,
      List<ScheduleSource.Zone> zones, Instant from) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(o, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("zone", zone.place().zone());
      g.writeStringField("source", zone.source());
      g.writeNumberField("duration_s", duration.toSeconds());
      g.writeStringField("earliest", earliestText());
      g.writeStringField("deadline", deadline.toString());
      g.writeBooleanField("interruptible", interruptible);
      writePlan(g, plan);
      writeGaps(g, zone.gaps(from, deadline));
      g.writeArrayFieldStart("notes");
      for (String n : zone.notes()) {
        g.writeString(n);
      }
      g.writeEndArray();
      if (zones.size() > 1) {
        g.writeArrayFieldStart("places");
        for (BestPlace.Placement p : ranked) {
          g.writeStartObject();
          g.writeStringField("zone", p.zone().zone());
          g.writeNumberField("pue", p.zone().pue());
          writePlan(g, p.plan());
          g.writeNumberField("effective_intensity_g_per_kwh", p.effectiveIntensity());
          g.writeNumberField("savings_vs_home_pct", p.savingsPct());
          for (ScheduleSource.Zone z : zones) {
            if (z.place() == p.zone()) {
              writeGapCount(g, z.gaps(from, deadline));
            }
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
  }

  /** The gaps inside the planning horizon: the first {@link GapSummary#LISTED}, and their count and length in all. */
  private static void writeGaps(JsonGenerator g, List<Segment> gaps) throws IOException {
    g.writeArrayFieldStart("gaps");
    for (Segment s : gaps.subList(0, Math.min(gaps.size(), GapSummary.LISTED))) {
      g.writeStartObject();
      g.writeStringField("start", s.start().toString());
      g.writeStringField("end", s.end().toString());
      g.writeNumberField("duration_s", s.duration().toSeconds());
      g.writeEndObject();
    }
    g.writeEndArray();
    writeGapCount(g, gaps);
  }

  private static void writeGapCount(JsonGenerator g, List<Segment> gaps) throws IOException {
    g.writeNumberField("gaps_total", gaps.size());
    g.writeNumberField("gaps_duration_s", gaps.stream().mapToLong(s -> s.duration().toSeconds()).sum());
  }

  private static void writePlan(JsonGenerator g, Plan plan) throws IOException {
    g.writeStringField("start", plan.start().toString());
    g.writeStringField("end", plan.end().toString());
    g.writeArrayFieldStart("segments");
    for (Segment s : plan.segments()) {
      segment(g, s);
    }
    g.writeEndArray();
    g.writeNumberField("avg_intensity_g_per_kwh", plan.avgIntensity());
    g.writeNumberField("run_now_avg_intensity_g_per_kwh", plan.runNowAvgIntensity());
    g.writeNumberField("savings_pct", plan.savingsPct());
  }

  private static void segment(JsonGenerator g, Segment s) throws IOException {
    g.writeStartObject();
    g.writeStringField("start", s.start().toString());
    g.writeStringField("end", s.end().toString());
    g.writeEndObject();
  }
}
