package io.lowcarb.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.lowcarb.compress.InferenceBenchmark;
import io.lowcarb.compress.InferenceCost;
import io.lowcarb.compress.OnnxFormatException;
import io.lowcarb.compress.OnnxModel;
import io.lowcarb.energy.Clock;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.Measurement;
import io.lowcarb.energy.Meter;
import io.lowcarb.energy.SensorDiscovery;
import io.lowcarb.track.Artifact;
import io.lowcarb.track.FunctionalUnit;
import io.lowcarb.track.Machine;
import io.lowcarb.track.RunKind;
import io.lowcarb.train.data.DatasetCache;
import io.lowcarb.train.data.DatasetFormatException;
import io.lowcarb.train.data.Datasets;
import io.lowcarb.train.data.LabeledData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code lowcarb infer}: an ONNX model's accuracy, latency, throughput, and energy per 1,000 inferences. */
@Command(name = "infer", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run an ONNX model on ONNX Runtime: accuracy, latency, throughput, and energy and CO2e per 1,000 inferences.")
final class InferCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "MODEL.onnx", description = "The ONNX model.")
  Path model;

  @Option(names = "--dataset", defaultValue = "digits", paramLabel = "digits|mnist|fashion-mnist|PATH.csv",
      description = "Its test part is run (default: the built-in digits set).")
  String dataset;

  @Option(names = "--label", defaultValue = "label", paramLabel = "COLUMN", description = "Label column of a CSV dataset.")
  String label;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the split, for digits and CSV (default 42, as train).")
  long seed;

  @Option(names = "--test-fraction", defaultValue = "0.2", description = "Held out for testing, for digits and CSV (default 0.2, as train).")
  double testFraction;

  @Option(names = "--latency-runs", defaultValue = "500", description = "Inferences timed at batch size 1 (default 500).")
  int latencyRuns;

  @Option(names = "--duration", defaultValue = "3s", converter = Durations.class, paramLabel = "DURATION",
      description = "Shortest throughput run, measured by the meter (default 3s).")
  Duration duration;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON.")
  Path json;

  @Mixin IntensityOptions intensityOptions;

  @Mixin MeterOptions meterOptions;

  @Mixin StoreOption storeOption;

  @Override
  public Integer call() throws IOException {
    if (latencyRuns <= 0) {
      throw new UsageException("--latency-runs must be positive, got " + latencyRuns);
    }
    if (duration.isNegative()) {
      throw new UsageException("--duration cannot be negative");
    }
    meterOptions.check();
    IntensityOptions.Choice intensity = intensityOptions.resolve(Instant.now());
    LabeledData data = testData(dataset, label, testFraction, seed);
    SensorDiscovery.Result found = SensorDiscovery.discover(meterOptions.discovery());
    InferenceCost cost;
    EnergyReport whole;
    RunIds ids;
    try (OnnxModel onnx = checked(open(model), data);
        Recording recording = Recording.start(storeOption, spec, RunKind.INFER, model.getFileName() + " on " + dataset,
            Machine.of(found.machine()), "accuracy");
        Meter meter = meterOptions.meter(intensity, found).build()) {
      ids = recording.ids();
      Measurement all = meter.start("infer");
      cost = recording.failOnError(() -> new InferenceBenchmark(meter, Clock.SYSTEM, latencyRuns, duration).run(onnx, data));
      whole = all.stop();
      recording.progress(whole);
      // The run's SCI is per 1,000 of all the inferences it ran, batch 1 and batch 64 alike.
      recording.finish(whole, metrics(cost), end -> end.withArtifacts(List.of(new Artifact("model", model.toAbsolutePath().toString())))
          .withUnit(new FunctionalUnit("1,000 inferences", cost.inferences() / 1000.0)));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "infer: %s on %s (%d test examples)%n", model, dataset, data.size());
    out.printf(Locale.ROOT, "  accuracy    %.4f%n", cost.accuracy());
    out.printf(Locale.ROOT, "  model       %,d parameters, %,d bytes%n", cost.params(), cost.sizeBytes());
    out.printf(Locale.ROOT, "  latency     p50 %.3f ms, p99 %.3f ms (batch 1)%n", cost.latencyMsP50(), cost.latencyMsP99());
    out.printf(Locale.ROOT, "  throughput  %,.0f inferences/s (batch %d)%n", cost.throughputPerSecond(),
        InferenceBenchmark.THROUGHPUT_BATCH);
    out.printf(Locale.ROOT, "  per 1,000   %s, %s CO2e (%.1f gCO2e/kWh, %s)%n", Summary.energy(cost.energyJoulesPer1k()),
        Summary.grams(cost.emissionsGramsPer1k()), cost.intensityGPerKwh(), cost.zone());
    out.flush();
    if (json != null) {
      io.lowcarb.energy.report.AtomicFile.write(json, o -> writeJson(cost, data, ids, o));
    }
    return 0;
  }

  /** The model, once its input matches the data's shape (a usage error otherwise). */
  static OnnxModel checked(OnnxModel onnx, LabeledData data) {
    try {
      onnx.checkShape(data);
      return onnx;
    } catch (IllegalArgumentException e) {
      onnx.close();
      throw new UsageException(e.getMessage());
    }
  }

  /** What a run store keeps of an inference benchmark. */
  static Map<String, Double> metrics(InferenceCost c) {
    return Map.of("accuracy", c.accuracy(), "params", (double) c.params(), "nonzero_params", (double) c.nonzeroParams(),
        "size_bytes", (double) c.sizeBytes(), "latency_ms_p50", c.latencyMsP50(), "latency_ms_p99", c.latencyMsP99(),
        "throughput_per_s", c.throughputPerSecond(), "energy_j_per_1k", c.energyJoulesPer1k(),
        "emissions_g_per_1k", c.emissionsGramsPer1k());
  }

  /** The test part of a dataset, with a usage error naming what is wrong. */
  static LabeledData testData(String dataset, String label, double testFraction, long seed) throws IOException {
    try {
      return Datasets.load(dataset, label, testFraction, seed, DatasetCache.standard()).test();
    } catch (DatasetFormatException e) {
      throw new UsageException(e.getMessage());
    } catch (NoSuchFileException e) {
      throw new UsageException("no such file: " + e.getFile());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Opens an ONNX file, with a usage error for a missing file or one that is not a model ONNX Runtime runs. */
  static OnnxModel open(Path file) throws IOException {
    try {
      return OnnxModel.open(file);
    } catch (NoSuchFileException e) {
      throw new UsageException("no such file: " + file);
    } catch (OnnxFormatException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private void writeJson(InferenceCost cost, LabeledData data, RunIds ids, OutputStream o) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(o, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      ids.write(g);
      g.writeStringField("model", model.toString());
      g.writeStringField("dataset", dataset);
      g.writeNumberField("examples", data.size());
      g.writeNumberField("accuracy", cost.accuracy());
      g.writeNumberField("params", cost.params());
      g.writeNumberField("nonzero_params", cost.nonzeroParams());
      g.writeNumberField("size_bytes", cost.sizeBytes());
      g.writeNumberField("latency_ms_p50", cost.latencyMsP50());
      g.writeNumberField("latency_ms_p99", cost.latencyMsP99());
      g.writeNumberField("throughput_per_s", cost.throughputPerSecond());
      g.writeNumberField("throughput_batch", InferenceBenchmark.THROUGHPUT_BATCH);
      g.writeNumberField("energy_j_per_1k", cost.energyJoulesPer1k());
      g.writeNumberField("emissions_g_per_1k", cost.emissionsGramsPer1k());
      g.writeObjectFieldStart("intensity");
      g.writeNumberField("g_per_kwh", cost.intensityGPerKwh());
      g.writeStringField("zone", cost.zone());
      g.writeEndObject();
      g.writeEndObject();
    }
  }
}
