package io.lowcarb.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lowcarb.energy.report.AtomicFile;
import io.lowcarb.schedule.window.Plan;
import io.lowcarb.schedule.window.Slots;
import io.lowcarb.track.Machine;
import io.lowcarb.track.Point;
import io.lowcarb.track.RunKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lowcarb schedule run}: waits for the greenest window before the deadline, then runs the
 * command measured by {@code lowcarb measure}, and records planned against actual. The scheduled
 * run is recorded with the plan; the measurement is recorded under it, with its power series.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Wait for the greenest window before the deadline, run the command there, measured, and report",
      "planned against actual emissions and the saving against running at once."
    })
final class ScheduleRunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ScheduleSource source;

  @Option(names = "--duration-estimate", required = true, converter = Durations.class, paramLabel = "DURATION",
      description = "How long the command is expected to run (e.g. 2h).")
  Duration estimate;

  @Option(names = "--deadline", required = true, converter = Times.class, paramLabel = "TIME",
      description = "When the command must be done, ISO-8601.")
  Instant deadline;

  @Option(names = "--interruptible",
      description = "Run in the cheapest whole slots: the command is paused (SIGSTOP) between them and resumed (SIGCONT).")
  boolean interruptible;

  @Option(names = "--min-chunk", converter = Durations.class, paramLabel = "DURATION",
      description = "With --interruptible: the shortest stretch (default: one slot).")
  Duration minChunk = Duration.ZERO;

  @Option(names = "--json", paramLabel = "FILE", description = "Write plan, measurement and saving as JSON.")
  Path json;

  @Mixin StoreOption storeOption;

  @Parameters(paramLabel = "CMD", arity = "0..*", description = "The command to run, after '--'.")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Instant now = Instant.now();
    ScheduleSource.Planned planned = source.planNow(spec, command, "run", now, deadline, estimate);
    ScheduleSource.Zone zone = planned.zone();
    Plan plan = planned.plan();
    if (interruptible) {
      try {
        plan = zone.place().search().interruptible(now, deadline, estimate, minChunk, Duration.ZERO);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    } else if (!minChunk.isZero()) {
      throw new UsageException("--min-chunk needs --interruptible");
    }
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "schedule: %s job in %s; best start %s (%.1f gCO2e/kWh against %.1f at once, %.1f %% less)%n",
        Durations.text(estimate), zone.place().zone(), plan.start(), plan.avgIntensity(), plan.runNowAvgIntensity(),
        plan.savingsPct());
    try (Recording recording = Recording.start(storeOption, spec, RunKind.SCHEDULED, String.join(" ", command),
        Machine.local(), "", Map.of("window_start", plan.start().toString(), "window_end", plan.end().toString(),
            "zone", zone.place().zone(), "intensity_source", zone.source()))) {
      recording.points("intensity_g_per_kwh", intensityPoints(zone));
      waitUntil(plan.start(), err);
      return runAndRecord(zone, plan, err, recording);
    }
  }

  /** The series the plan was made on, x in Unix seconds. */
  private static List<Point> intensityPoints(ScheduleSource.Zone zone) {
    Slots slots = zone.place().search().slots();
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      points.add(new Point(slots.slotStart(i).getEpochSecond(), slots.value(i)));
    }
    return points;
  }

  private int runAndRecord(ScheduleSource.Zone zone, Plan plan, PrintWriter err, Recording recording)
      throws Exception {

    Path measured = Files.createTempFile("lowcarb-schedule", ".json");
    Path intensity = Files.createTempFile("lowcarb-schedule", ".csv");
    try {
      // The meter accounts with the same series the plan was made on (file, forecast or live API).
      ScheduleSource.writeSeries(zone, intensity);
      List<String> args = new ArrayList<>(List.of("measure", "--quiet", "--json", measured.toString(),
          "--series", intensity.toString(), "--zone", zone.place().zone(), "--parent-run", recording.id()));
      if (storeOption.url != null) {
        args.addAll(List.of("--store", storeOption.url)); // else the same variable or default as this command's
      }
      args.add("--");
      args.addAll(command);
      int exit = interruptible && plan.segments().size() > 1
          ? PausedRun.run(() -> Main.run(args.toArray(String[]::new), spec.commandLine().getOut(), err),
              plan.segments(), err)
          : Main.run(args.toArray(String[]::new), spec.commandLine().getOut(), err);
      JsonNode run = Files.size(measured) > 0 ? new ObjectMapper().readTree(measured.toFile()) : null;
      if (run != null) {
        report(err, zone, plan, run, exit, recording.ids());
        recording.end(MeasuredJson.end(run, exit, Map.of("planned_intensity_g_per_kwh", plan.avgIntensity(),
            "at_once_intensity_g_per_kwh", plan.runNowAvgIntensity(), "planned_savings_pct", plan.savingsPct())));
      } else {
        recording.failed("the command was not measured (exit status " + exit + ")");
      }
      return exit;
    } finally {
      Files.deleteIfExists(measured);
      Files.deleteIfExists(intensity);
    }
  }

  private static void waitUntil(Instant start, PrintWriter err) throws InterruptedException {
    Instant announced = Instant.EPOCH;
    while (true) {
      Duration left = Duration.between(Instant.now(), start);
      if (left.isNegative() || left.isZero()) {
        return;
      }
      if (Duration.between(announced, Instant.now()).toMinutes() >= 10) {
        err.println("schedule: waiting " + Durations.text(left.withNanos(0)) + " for the window at " + start);
        announced = Instant.now();
      }
      Thread.sleep(Math.min(left.toMillis() + 1, 60_000));
    }
  }

  private void report(PrintWriter err, ScheduleSource.Zone zone, Plan plan, JsonNode run, int exit, RunIds ids)
      throws IOException {
    double kwh = run.path("energy_kwh").asDouble();
    double pue = run.path("pue").asDouble(1);
    double actualGrams = run.path("emissions_kg").asDouble() * 1000;
    double actualIntensity = kwh > 0 ? actualGrams / (kwh * pue) : run.path("intensity").path("g_per_kwh").asDouble();
    double atOnceGrams = kwh * pue * plan.runNowAvgIntensity();
    double saved = atOnceGrams > 0 ? 100 * (1 - actualGrams / atOnceGrams) : 0;
    err.printf(Locale.ROOT, "schedule: ran %s to %s (planned %s to %s); %.1f gCO2e/kWh actual against %.1f planned%n",
        run.path("start").asText(), run.path("end").asText(), plan.start(), plan.end(), actualIntensity,
        plan.avgIntensity());
    err.printf(Locale.ROOT, "schedule: %s CO2e; at once it would have been about %s (%.1f %% saved)%n",
        Summary.grams(actualGrams), Summary.grams(atOnceGrams), saved);
    if (json == null) {
      return;
    }
    AtomicFile.write(json, o -> {
      try (JsonGenerator g = new JsonFactory().createGenerator(o, JsonEncoding.UTF8)) {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        ids.write(g);
        g.writeStringField("zone", zone.place().zone());
        g.writeStringField("source", zone.source());
        g.writeObjectFieldStart("planned");
        g.writeStringField("start", plan.start().toString());
        g.writeStringField("end", plan.end().toString());
        g.writeNumberField("avg_intensity_g_per_kwh", plan.avgIntensity());
        g.writeNumberField("run_now_avg_intensity_g_per_kwh", plan.runNowAvgIntensity());
        g.writeNumberField("savings_pct", plan.savingsPct());
        g.writeEndObject();
        g.writeObjectFieldStart("actual");
        g.writeStringField("run_id", run.path("run_id").asText()); // the measurement, recorded under this run
        g.writeStringField("start", run.path("start").asText());
        g.writeStringField("end", run.path("end").asText());
        g.writeNumberField("exit_code", exit);
        g.writeNumberField("energy_kwh", kwh);
        g.writeNumberField("emissions_g", actualGrams);
        g.writeNumberField("avg_intensity_g_per_kwh", actualIntensity);
        g.writeNumberField("at_once_emissions_g", atOnceGrams);
        g.writeNumberField("savings_pct", saved);
        g.writeEndObject();
        g.writeEndObject();
      }
    });
  }
}
