package io.lowcarb.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.InferenceBenchmark;
import io.lowcarb.compress.InferenceCost;
import io.lowcarb.compress.OnnxExport;
import io.lowcarb.compress.OnnxModel;
import io.lowcarb.compress.Variant;
import io.lowcarb.energy.Clock;
import io.lowcarb.energy.Meter;
import io.lowcarb.energy.SensorDiscovery;
import io.lowcarb.train.data.LabeledData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lowcarb compress}: exports a checkpoint to ONNX and measures each variant written. */
@Command(name = "compress", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Export a trained checkpoint to ONNX and measure it: accuracy, size, latency, and energy and CO2e per 1,000 inferences.")
final class CompressCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "DIR/model-000N.params", description = "The checkpoint of a training.")
  Path from;

  @Option(names = "--export", required = true, paramLabel = "MODEL.onnx", description = "Where the fp32 ONNX model goes.")
  Path export;

  @Option(names = "--dataset", defaultValue = "digits", paramLabel = "digits|mnist|fashion-mnist|PATH.csv",
      description = "The data the model was trained on: its test part is run (default digits).")
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
      description = "Shortest throughput run per variant, measured by the meter (default 3s).")
  Duration duration;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the variants as JSON.")
  Path json;

  @Mixin IntensityOptions intensityOptions;

  @Mixin MeterOptions meterOptions;

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
    LabeledData data = InferCommand.testData(dataset, label, testFraction, seed);
    Checkpoint checkpoint;
    try {
      checkpoint = Checkpoint.read(from);
      OnnxExport.write(checkpoint, data.shape(), export);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    SensorDiscovery.Result found = SensorDiscovery.discover(meterOptions.discovery());
    Variant baseline;
    try (OnnxModel onnx = InferCommand.open(export); Meter meter = meterOptions.meter(intensity, found).build()) {
      onnx.checkShape(data);
      InferenceCost cost = new InferenceBenchmark(meter, Clock.SYSTEM, latencyRuns, duration).run(onnx, data);
      baseline = new Variant("baseline", export, cost);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException(e.getMessage());
    }
    List<Variant> variants = List.of(baseline);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "compress: %s (%s) on %s (%d test examples)%n", from, checkpoint.spec().name(), dataset,
        data.size());
    out.printf(Locale.ROOT, "  %-10s %8s %10s %12s %10s %12s %14s %14s  %s%n", "variant", "accuracy", "params",
        "size", "p50 ms", "inferences/s", "J per 1,000", "CO2e per 1,000", "file");
    for (Variant v : variants) {
      InferenceCost c = v.cost();
      out.printf(Locale.ROOT, "  %-10s %8.4f %,10d %,10d B %10.3f %,12.0f %14.4g %14s  %s%n", v.name(), c.accuracy(),
          c.params(), c.sizeBytes(), c.latencyMsP50(), c.throughputPerSecond(), c.energyJoulesPer1k(),
          Summary.grams(c.emissionsGramsPer1k()), v.file());
    }
    out.flush();
    if (json != null) {
      io.lowcarb.energy.report.AtomicFile.write(json, o -> writeJson(variants, o));
    }
    return 0;
  }

  private void writeJson(List<Variant> variants, OutputStream o) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(o, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("from", from.toString());
      g.writeStringField("dataset", dataset);
      g.writeArrayFieldStart("variants");
      for (Variant v : variants) {
        InferenceCost c = v.cost();
        g.writeStartObject();
        g.writeStringField("name", v.name());
        g.writeNumberField("accuracy", c.accuracy());
        g.writeNumberField("params", c.params());
        g.writeNumberField("nonzero_params", c.nonzeroParams());
        g.writeNumberField("size_bytes", c.sizeBytes());
        g.writeNumberField("latency_ms_p50", c.latencyMsP50());
        g.writeNumberField("latency_ms_p99", c.latencyMsP99());
        g.writeNumberField("throughput_per_s", c.throughputPerSecond());
        g.writeNumberField("energy_j_per_1k", c.energyJoulesPer1k());
        g.writeNumberField("emissions_g_per_1k", c.emissionsGramsPer1k());
        g.writeStringField("file", v.file().toString());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("intensity");
      g.writeNumberField("g_per_kwh", variants.getFirst().cost().intensityGPerKwh());
      g.writeStringField("zone", variants.getFirst().cost().zone());
      g.writeEndObject();
      g.writeEndObject();
    }
  }
}
