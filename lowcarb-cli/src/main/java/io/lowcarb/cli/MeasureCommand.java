package io.lowcarb.cli;

import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.Measurement;
import io.lowcarb.energy.Meter;
import io.lowcarb.energy.SensorDiscovery;
import io.lowcarb.energy.report.CodeCarbonCsv;
import io.lowcarb.energy.report.CsvAppender;
import io.lowcarb.energy.report.RunRecord;
import io.lowcarb.energy.report.SummaryJson;
import io.lowcarb.energy.sensor.ActivityProbe;
import io.lowcarb.track.Machine;
import io.lowcarb.track.RunKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code lowcarb measure [options] -- CMD ARGS...}: runs a command and measures its footprint. */
@Command(
    name = "measure",
    mixinStandardHelpOptions = true,
    description = {
      "Run a command and measure its energy and CO2e.",
      "Exits with the command's status (127 if it cannot be started, 2 for bad options)."
    },
    sortOptions = false)
final class MeasureCommand implements Callable<Integer> {
  /** Exit status when the command cannot be started, as in POSIX shells. */
  static final int CANNOT_START = 127;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON summary to FILE (kept up to date while running).")
  Path json;

  @Option(names = "--csv", paramLabel = "FILE", description = "Append a row to FILE in CodeCarbon's emissions.csv format.")
  Path csv;

  @Option(
      names = "--flush-every",
      paramLabel = "DURATION",
      defaultValue = "10s",
      converter = Durations.class,
      description = "Write progress to --json and --csv this often (default 10s).")
  Duration flushEvery;

  @Option(names = "--project", paramLabel = "NAME", defaultValue = "lowcarb", description = "Project name in the CSV.")
  String project;

  @Option(names = "--experiment", paramLabel = "ID", defaultValue = "", description = "Experiment id in the CSV.")
  String experiment;

  @Option(names = {"-q", "--quiet"}, description = "Print no summary.")
  boolean quiet;

  @Mixin IntensityOptions intensityOptions;

  @Mixin MeterOptions meterOptions;

  @Mixin StoreOption storeOption;

  @Parameters(paramLabel = "CMD", arity = "0..*", description = "The command to run, after '--'.")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!spec.commandLine().getParseResult().originalArgs().contains("--")) {
      throw new UsageException("put the command to measure after '--', for example: lowcarb measure -- python train.py");
    }
    if (command.isEmpty()) {
      throw new UsageException("no command after '--'");
    }
    if (flushEvery.isNegative() || flushEvery.isZero()) {
      throw new UsageException("--flush-every must be positive");
    }
    meterOptions.check();
    IntensityOptions.Choice intensity = intensityOptions.resolve(Instant.now());
    CsvAppender csvOut = null;
    if (csv != null) {
      try {
        csvOut = CsvAppender.open(csv);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    if (json != null) {
      Path parent = json.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new UsageException("the directory of " + json + " does not exist");
      }
    }
    SensorDiscovery.Result found = SensorDiscovery.discover(meterOptions.discovery());
    try (Recording recording = Recording.start(
        storeOption, spec, RunKind.MEASURE, String.join(" ", command), Machine.of(found.machine()), "")) {
      return run(found, intensity, csvOut, recording);
    }
  }

  private int run(SensorDiscovery.Result found, IntensityOptions.Choice intensity, CsvAppender csvOut,
      Recording recording) throws IOException, InterruptedException {
    // One id for the run: the store's, and the JSON's and CSV's run_id.
    UUID runId = UUID.fromString(recording.id());
    ActivityProbe activity = ActivityProbe.forCommand();
    Meter meter = meterOptions.meter(intensity, found).activity(activity).build();
    RunWriter writer = new RunWriter(runId, recording.parent(), found, intensity.location(),
        csvOut);
    ChildSignals signals = ChildSignals.install();
    Measurement measurement = meter.start(String.join(" ", command));
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
      // A lowcarb command measured here records its run under this one.
      recording.parentForChildren().ifPresentOrElse(
          id -> builder.environment().put(StoreOption.PARENT_VARIABLE, id),
          () -> builder.environment().remove(StoreOption.PARENT_VARIABLE));
      process = builder.start();
    } catch (IOException e) {
      EnergyReport report = measurement.stop();
      meter.close();
      String why = "cannot start '" + command.getFirst() + "': " + reason(e);
      spec.commandLine().getErr().println("measure: " + why);
      recording.finish(report, Map.of(), end -> end.withExitCode(CANNOT_START).failed(why));
      return CANNOT_START;
    }
    activity.attach(process.pid());
    try {
      writer.write(measurement.peek(), OptionalInt.empty()); // a row exists from the start
    } catch (IOException e) {
      process.destroyForcibly();
      measurement.stop();
      meter.close();
      spec.commandLine().getErr().println("measure: cannot write " + (csv != null ? csv : json) + ": " + e.getMessage()
          + "; the command was stopped");
      return 1;
    }
    signals.attach(process);
    measurement.onProgress(flushEvery, report -> {
      writer.writeQuietly(report, OptionalInt.empty());
      recording.progress(report);
    });
    Thread hook = new Thread(() -> writer.writeQuietly(measurement.peek(), OptionalInt.empty()), "lowcarb-exit");
    Runtime.getRuntime().addShutdownHook(hook);

    int exit = process.waitFor();
    EnergyReport report = measurement.stop();
    meter.close();
    writer.writeQuietly(report, OptionalInt.of(exit));
    Runtime.getRuntime().removeShutdownHook(hook);
    recording.progress(report);
    recording.finish(report, Map.of(), end -> exit == 0
        ? end.withExitCode(exit)
        : end.withExitCode(exit).failed("the command exited with status " + exit));
    if (!quiet) {
      Summary.print(spec.commandLine().getErr(), report, exit, found);
    }
    return exit;
  }

  /** The system's reason, "No such file or directory", from Java's longer message. */
  private static String reason(IOException e) {
    String message = String.valueOf(e.getMessage());
    var m = java.util.regex.Pattern.compile("\\(([^()]*)\\)\\s*$").matcher(message);
    return m.find() ? m.group(1) : message;
  }

  /** Writes the JSON summary and the CSV row, both replaced as the run goes on. */
  private final class RunWriter {
    private final UUID runId;
    private final java.util.Optional<String> parent;
    private final SensorDiscovery.Result found;
    private final RunRecord.Location location;
    private final CsvAppender csvOut;

    RunWriter(UUID runId, java.util.Optional<String> parent, SensorDiscovery.Result found, RunRecord.Location location,
        CsvAppender csvOut) {
      this.runId = runId;
      this.parent = parent;
      this.found = found;
      this.location = location;
      this.csvOut = csvOut;
    }

    synchronized void write(EnergyReport report, OptionalInt exit) throws IOException {
      RunRecord run =
          new RunRecord(runId, project, experiment, command, exit, report, found.machine(), location, parent);
      if (json != null) {
        SummaryJson.write(run, json);
      }
      if (csvOut != null) {
        csvOut.write(CodeCarbonCsv.row(run, Main.version(), csvOut.columns()));
      }
    }

    void writeQuietly(EnergyReport report, OptionalInt exit) {
      try {
        write(report, exit);
      } catch (IOException | RuntimeException e) {
        spec.commandLine().getErr().println("measure: could not write progress: " + e.getMessage());
      }
    }
  }
}
