package io.lowcarb.report;

import io.lowcarb.track.EnergyFigure;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.FunctionalUnit;
import io.lowcarb.track.Machine;
import io.lowcarb.track.Point;
import io.lowcarb.track.RunEnd;
import io.lowcarb.track.RunKind;
import io.lowcarb.track.RunStart;
import io.lowcarb.track.RunStore;
import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.SeriesFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Runs like lowcarb's commands record, stored through the run store's API: five trainings of
 * the digits MLP with per-epoch accuracy and cumulative energy, a measured GPU job with power per
 * component, an inference run with a functional unit (stored, as runs were before lowcarb kept
 * uncertainties, without its uncertainty), and a job scheduled on a day of hourly carbon
 * intensity; the others with each component's uncertainty (RAPL 10 %, NVML 5 %, RAM estimate 40 %).
 * Deterministic.
 */
public final class SampleRuns {
  static final double PUE = 1.2;
  static final Machine MACHINE =
      new Machine("lab-01", "AMD EPYC 7313 16-Core Processor", 32, 128L << 30, List.of("NVIDIA A10"), "Linux 6.1.0 amd64");

  /** What was stored: ids by role. */
  public record Ids(List<String> trainings, String measured, String inference, String scheduled) {
    /** Every id, trainings first. */
    public List<String> all() {
      List<String> all = new ArrayList<>(trainings);
      all.addAll(List.of(measured, inference, scheduled));
      return all;
    }
  }

  private SampleRuns() {}

  /** The shared hourly traces' folder, beside the working folder or one of its parents, if present. */
  public static Optional<Path> sharedTraces() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path traces = p.resolve("shared/data/carbon-intensity");
      if (Files.isDirectory(traces)) {
        return Optional.of(traces);
      }
    }
    return Optional.empty();
  }

  /** Two days of Spain's hourly intensity from the shared Electricity Maps export (life-cycle), from {@code day}. */
  public static List<Point> spain(Path traces, Instant day) throws IOException {
    List<Point> hours = new ArrayList<>();
    try {
      for (IntensityPoint p : SeriesFiles.read(traces.resolve("ES_2023_hourly.csv"), SeriesFiles.Basis.LCA).points()) {
        if (!p.start().isBefore(day) && p.start().isBefore(day.plus(Duration.ofDays(2)))) {
          hours.add(new Point(p.start().getEpochSecond(), p.gPerKwh()));
        }
      }
    } catch (io.lowcarb.energy.carbon.SeriesFormatException e) {
      throw new IOException(e.getMessage(), e);
    }
    return hours;
  }

  /** Two days of a made-up diurnal intensity (solar dip at midday), hourly from {@code day}. */
  public static List<Point> diurnal(Instant day) {
    List<Point> hours = new ArrayList<>();
    for (int h = 0; h < 48; h++) {
      double solar = Math.max(0, Math.sin((h % 24 - 6) * Math.PI / 12));
      hours.add(new Point(day.getEpochSecond() + h * 3600L, 210 - 120 * solar + 8 * Math.sin(h)));
    }
    return hours;
  }

  /**
   * Stores the sample runs in {@code store}, starting at {@code start}, with {@code intensity}
   * (hourly, x in unix seconds) for the scheduled run.
   */
  public static Ids fill(RunStore store, Instant start, List<Point> intensity) {
    Random random = new Random(42);
    List<String> trainings = new ArrayList<>();
    int[] hidden = {16, 32, 64, 128, 256};
    int[] epochs = {6, 8, 8, 10, 12};
    for (int i = 0; i < hidden.length; i++) {
      trainings.add(training(store, start.plus(Duration.ofMinutes(20L * i)), hidden[i], epochs[i], random));
    }
    String measured = measured(store, start.plus(Duration.ofHours(2)), random);
    String inference = inference(store, start.plus(Duration.ofHours(3)));
    String scheduled = scheduled(store, intensity);
    return new Ids(trainings, measured, inference, scheduled);
  }

  private static String training(RunStore store, Instant at, int hidden, int epochs, Random random) {
    double gPerKwh = 152;
    double epochKwh = 0.00045 * hidden / 16.0 * (1 + 0.05 * random.nextGaussian());
    double epochSeconds = 14 * hidden / 16.0;
    double best = 0.955 + 0.035 * (1 - Math.exp(-hidden / 60.0));
    Map<String, List<Point>> series = new LinkedHashMap<>();
    List<Point> accuracy = new ArrayList<>();
    List<Point> loss = new ArrayList<>();
    List<Point> epochEnergy = new ArrayList<>();
    List<Point> energy = new ArrayList<>();
    List<Point> emissions = new ArrayList<>();
    double kwh = 0;
    for (int e = 1; e <= epochs; e++) {
      double thisEpoch = epochKwh * (1 + 0.03 * random.nextGaussian());
      kwh += thisEpoch;
      accuracy.add(new Point(e, best - 0.2 * Math.exp(-0.6 * e) + 0.002 * random.nextGaussian()));
      loss.add(new Point(e, 0.9 * Math.exp(-0.45 * e) + 0.04));
      epochEnergy.add(new Point(e, thisEpoch));
      energy.add(new Point(e * epochSeconds, kwh));
      emissions.add(new Point(e * epochSeconds, kwh * PUE * gPerKwh / 1000));
    }
    series.put("accuracy", accuracy);
    series.put("loss", loss);
    series.put("epoch_energy_kwh", epochEnergy);
    series.put(ReportRun.ENERGY, energy);
    series.put(ReportRun.EMISSIONS, emissions);
    String name = "digits mlp:" + hidden;
    RunStart s = new RunStart(RunKind.TRAIN, name, "lowcarb train --dataset digits --model mlp:" + hidden + " --epochs " + epochs,
        Map.of("dataset", "digits", "model", "mlp:" + hidden, "epochs", String.valueOf(epochs), "zone", "ES"), at, MACHINE,
        "accuracy");
    Footprint f = footprint(List.of(new EnergyFigure("cpu", kwh * 0.86, "rapl", "rapl:package-0", 10),
        new EnergyFigure("ram", kwh * 0.14, "estimate", "0.375 W/GB", 40)), gPerKwh, "ES", "built-in table (Ember 2023)");
    RunEnd end = RunEnd.finished(at.plusSeconds((long) (epochs * epochSeconds)), f,
        Map.of("accuracy", accuracy.getLast().y(), "loss", loss.getLast().y()));
    return store.insert(s, end, series);
  }

  private static String measured(RunStore store, Instant at, Random random) {
    double gPerKwh = 152;
    int seconds = 600;
    int step = 5;
    List<Point> cpu = new ArrayList<>();
    List<Point> gpu = new ArrayList<>();
    List<Point> ram = new ArrayList<>();
    List<Point> energy = new ArrayList<>();
    List<Point> emissions = new ArrayList<>();
    double joules = 0;
    double[] byComponent = new double[3];
    for (int t = step; t <= seconds; t += step) {
      boolean busy = t > 30 && t < seconds - 25;
      double c = (busy ? 68 : 24) + 9 * Math.sin(t / 37.0) + 3 * random.nextGaussian();
      double g = (busy ? 205 + 25 * Math.sin(t / 53.0) : 38) + 6 * random.nextGaussian();
      double r = 11.5 + 0.4 * random.nextGaussian();
      cpu.add(new Point(t, c));
      gpu.add(new Point(t, g));
      ram.add(new Point(t, r));
      byComponent[0] += c * step;
      byComponent[1] += g * step;
      byComponent[2] += r * step;
      joules += (c + g + r) * step;
      energy.add(new Point(t, joules / 3.6e6));
      emissions.add(new Point(t, joules / 3.6e6 * PUE * gPerKwh / 1000));
    }
    Map<String, List<Point>> series = Map.of("power_w.cpu", cpu, "power_w.gpu", gpu, "power_w.ram", ram,
        ReportRun.ENERGY, energy, ReportRun.EMISSIONS, emissions);
    RunStart s = new RunStart(RunKind.MEASURE, "finetune.py", "lowcarb measure -- python finetune.py",
        Map.of("interval", "5s", "zone", "ES"), at, MACHINE, "");
    Footprint f = footprint(List.of(new EnergyFigure("cpu", byComponent[0] / 3.6e6, "rapl", "rapl:package-0", 10),
        new EnergyFigure("gpu", byComponent[1] / 3.6e6, "nvml", "nvml:0 NVIDIA A10", 5),
        new EnergyFigure("ram", byComponent[2] / 3.6e6, "estimate", "0.375 W/GB", 40)), gPerKwh, "ES",
        "built-in table (Ember 2023)");
    return store.insert(s, RunEnd.finished(at.plusSeconds(seconds), f, Map.of()).withExitCode(0), series);
  }

  private static String inference(RunStore store, Instant at) {
    double kwh = 0.00021;
    RunStart s = new RunStart(RunKind.INFER, "digits mlp:64 int8", "lowcarb infer --model mlp64-int8.onnx --dataset digits",
        Map.of("batch", "64", "zone", "ES"), at, MACHINE, "accuracy");
    Footprint f = footprint(List.of(new EnergyFigure("cpu", kwh, "rapl", "rapl:package-0")), 152, "ES",
        "built-in table (Ember 2023)");
    RunEnd end = RunEnd.finished(at.plusSeconds(40), f, Map.of("accuracy", 0.9772, "inferences_per_s", 8757.0))
        .withUnit(new FunctionalUnit("1,000 inferences", 359.5));
    return store.insert(s, end, Map.of());
  }

  private static String scheduled(RunStore store, List<Point> intensity) {
    // The greenest three hours of the first day: what lowcarb schedule run would pick.
    int best = 0;
    for (int h = 0; h + 3 <= Math.min(24, intensity.size()); h++) {
      if (mean(intensity, h) < mean(intensity, best)) {
        best = h;
      }
    }
    Instant from = Instant.ofEpochSecond((long) intensity.get(best).x());
    Instant to = from.plus(Duration.ofHours(3));
    double gPerKwh = mean(intensity, best);
    double kwh = 0.46;
    RunStart s = new RunStart(RunKind.SCHEDULED, "nightly retrain", "lowcarb schedule run --zone ES --duration 3h -- ./retrain.sh",
        Map.of("window_start", from.toString(), "window_end", to.toString(), "zone", "ES", "duration", "3h",
            "intensity_source", "Electricity Maps ES hourly (life-cycle)"), from, MACHINE, "");
    Footprint f = footprint(List.of(new EnergyFigure("cpu", kwh * 0.3, "rapl", "rapl:package-0", 10),
        new EnergyFigure("gpu", kwh * 0.62, "nvml", "nvml:0 NVIDIA A10", 5),
        new EnergyFigure("ram", kwh * 0.08, "estimate", "0.375 W/GB", 40)), gPerKwh, "ES", "Electricity Maps ES hourly");
    return store.insert(s, RunEnd.finished(to, f, Map.of()).withExitCode(0),
        Map.of(ReportRun.INTENSITY, intensity));
  }

  private static double mean(List<Point> hourly, int from) {
    return (hourly.get(from).y() + hourly.get(from + 1).y() + hourly.get(from + 2).y()) / 3;
  }

  private static Footprint footprint(List<EnergyFigure> energy, double gPerKwh, String zone, String source) {
    double kwh = energy.stream().mapToDouble(EnergyFigure::kwh).sum();
    return new Footprint(energy, kwh, kwh * PUE * gPerKwh / 1000, gPerKwh, zone, source, "average", PUE);
  }
}
