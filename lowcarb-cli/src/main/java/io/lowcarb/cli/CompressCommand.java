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
import io.lowcarb.compress.distill.DistillResult;
import io.lowcarb.compress.distill.DistillSettings;
import io.lowcarb.compress.distill.Distillation;
import io.lowcarb.compress.prune.FineTuneSettings;
import io.lowcarb.compress.prune.GradualSchedule;
import io.lowcarb.compress.prune.MagnitudePruning;
import io.lowcarb.compress.prune.MaskedFineTuning;
import io.lowcarb.compress.prune.PruneResult;
import io.lowcarb.compress.prune.SparseFile;
import io.lowcarb.compress.prune.StorageReport;
import io.lowcarb.compress.prune.StructuredPruning;
import io.lowcarb.compress.quantize.Calibration;
import io.lowcarb.compress.quantize.QdqQuantizer;
import io.lowcarb.compress.quantize.QuantizeSettings;
import io.lowcarb.compress.quantize.QuantizedModel;
import io.lowcarb.energy.Clock;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.Measurement;
import io.lowcarb.energy.Meter;
import io.lowcarb.energy.SensorDiscovery;
import io.lowcarb.track.Artifact;
import io.lowcarb.track.Machine;
import io.lowcarb.track.RunKind;
import io.lowcarb.train.data.DatasetCache;
import io.lowcarb.train.data.DatasetFormatException;
import io.lowcarb.train.data.Datasets;
import io.lowcarb.train.data.LabeledData;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.ModelSpec;
import io.lowcarb.train.model.SpecException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
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
import picocli.CommandLine;

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

  @Option(names = "--distill-teacher", paramLabel = "DIR/model-000N.params",
      description = "Distil a smaller --student from this teacher checkpoint (Hinton et al.), before pruning and quantizing.")
  Path teacher;

  @Option(names = "--student", paramLabel = "SPEC.json|mlp:UNITS", description = "With --distill-teacher: the student model.")
  String student;

  @Option(names = "--temperature", defaultValue = "4", description = "With --distill-teacher: softmax temperature T (default 4).")
  double temperature;

  @Option(names = "--alpha", defaultValue = "0.7",
      description = "With --distill-teacher: weight of the soft (teacher) term; the labels get 1 - alpha (default 0.7).")
  double alpha;

  @Option(names = "--distill-epochs", defaultValue = "10", paramLabel = "N", description = "With --distill-teacher: epochs (default 10).")
  int distillEpochs;

  @Option(names = "--prune", paramLabel = "RATIO",
      description = "Prune this fraction of the dense and convolution weights by magnitude (0 <= RATIO < 1), gradually"
          + " while fine-tuning with the masks held.")
  Double prune;

  @Option(names = "--per-layer", description = "With --prune: the same fraction in every layer (default: one global threshold).")
  boolean perLayer;

  @Option(names = "--structured",
      description = "With --prune: remove this fraction of the filters of every convolution that feeds another layer"
          + " and of the neurons of every hidden dense layer (smallest weight norm), so that the layers physically"
          + " shrink, then fine-tune the smaller model.")
  boolean structured;

  @Option(names = "--fine-tune-epochs", defaultValue = "3", paramLabel = "N",
      description = "With --prune: epochs of fine-tuning; the sparsity rises over all but the last (default 3).")
  int fineTuneEpochs;

  @Option(names = "--fine-tune-lr", defaultValue = "0.005", paramLabel = "LR", description = "With --prune: learning rate (default 0.005).")
  float fineTuneLr;

  @Option(names = "--quantize", paramLabel = "int8",
      description = "Quantize to int8 (per-channel weights, calibrated activations; QDQ ONNX), after pruning if asked.")
  String quantize;

  @Option(names = "--calibration-samples", defaultValue = "512", paramLabel = "N",
      description = "With --quantize: training examples to calibrate activations on (default 512).")
  int calibrationSamples;

  @Option(names = "--calibration", defaultValue = "min-max", paramLabel = "min-max|percentile",
      description = "With --quantize: activation ranges from min-max (default) or the 99.99th percentile.")
  String calibration;

  @Option(names = "--max-accuracy-drop", defaultValue = "0.01", paramLabel = "DROP",
      description = "With --quantize: layers go back to fp32, the most harmful first, until int8 loses at most this (default 0.01).")
  double maxAccuracyDrop;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the variants as JSON.")
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
    if (prune != null && !(prune >= 0 && prune < 1)) {
      throw new UsageException("--prune must be in [0, 1), got " + prune);
    }
    if ((teacher == null) != (student == null)) {
      throw new UsageException("--distill-teacher and --student go together");
    }
    QuantizeSettings quantizeSettings = null;
    if (quantize != null) {
      if (!quantize.equalsIgnoreCase("int8")) {
        throw new UsageException("--quantize supports int8, got '" + quantize + "'");
      }
      Calibration method = switch (calibration.toLowerCase(Locale.ROOT)) {
        case "min-max" -> Calibration.MIN_MAX;
        case "percentile" -> Calibration.PERCENTILE;
        default -> throw new UsageException("--calibration must be min-max or percentile, got '" + calibration + "'");
      };
      try {
        quantizeSettings = QuantizeSettings.defaults().withCalibrationSamples(calibrationSamples)
            .withMaxAccuracyDrop(maxAccuracyDrop);
        quantizeSettings = new QuantizeSettings(quantizeSettings.calibrationSamples(), method,
            quantizeSettings.percentile(), quantizeSettings.maxAccuracyDrop(), quantizeSettings.seed());
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    if (structured && prune == null) {
      throw new UsageException("--structured goes with --prune RATIO");
    }
    if (prune != null && fineTuneEpochs < 1) {
      throw new UsageException("--fine-tune-epochs must be at least 1, got " + fineTuneEpochs);
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
    List<Variant> variants;
    RunIds ids;
    try (Recording recording = Recording.start(storeOption, spec, RunKind.COMPRESS,
            checkpoint.spec().name() + " on " + dataset, Machine.of(found.machine()), "accuracy");
        Meter whole = meterOptions.meter(intensity, found).build()) {
      ids = recording.ids();
      Measurement all = whole.start("compress");
      QuantizeSettings quantizing = quantizeSettings;
      variants = recording.failOnError(() -> variants(data, checkpoint, quantizing, intensity, found));
      EnergyReport report = all.stop();
      recording.progress(report);
      Variant last = variants.getLast();
      Map<String, Double> metrics = new java.util.HashMap<>(InferCommand.metrics(last.cost()));
      metrics.put("baseline_accuracy", variants.getFirst().cost().accuracy());
      metrics.put("baseline_size_bytes", (double) variants.getFirst().cost().sizeBytes());
      metrics.put("baseline_energy_j_per_1k", variants.getFirst().cost().energyJoulesPer1k());
      List<Artifact> files = new ArrayList<>();
      for (Variant v : variants) {
        files.add(new Artifact(v.name(), v.file().toAbsolutePath().toString()));
      }
      recording.finish(report, metrics, end -> end.withArtifacts(files));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "compress: %s (%s) on %s (%d test examples)%n", from, checkpoint.spec().name(), dataset,
        data.size());
    out.printf(Locale.ROOT, "  %-17s %8s %10s %12s %10s %12s %14s %14s  %s%n", "variant", "accuracy", "params",
        "size", "p50 ms", "inferences/s", "J per 1,000", "CO2e per 1,000", "file");
    for (Variant v : variants) {
      InferenceCost c = v.cost();
      out.printf(Locale.ROOT, "  %-17s %8.4f %,10d %,10d B %10.3f %,12.0f %14.4g %14s  %s%n", v.name(), c.accuracy(),
          c.params(), c.sizeBytes(), c.latencyMsP50(), c.throughputPerSecond(), c.energyJoulesPer1k(),
          Summary.grams(c.emissionsGramsPer1k()), v.file());
    }
    out.flush();
    if (json != null) {
      io.lowcarb.energy.report.AtomicFile.write(json, o -> writeJson(variants, ids, o));
    }
    return 0;
  }

  /** The baseline, then one variant per step asked for. */
  private List<Variant> variants(LabeledData data, Checkpoint checkpoint, QuantizeSettings quantizeSettings,
      IntensityOptions.Choice intensity, SensorDiscovery.Result found) throws IOException {
    Variant baseline;
    try (OnnxModel onnx = InferCommand.open(export); Meter meter = meterOptions.meter(intensity, found).build()) {
      onnx.checkShape(data);
      InferenceCost cost = new InferenceBenchmark(meter, Clock.SYSTEM, latencyRuns, duration).run(onnx, data);
      baseline = new Variant("baseline", export, cost);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException(e.getMessage());
    }
    List<Variant> variants = new ArrayList<>(List.of(baseline));
    Checkpoint latest = checkpoint;
    if (teacher != null) {
      latest = distilled(data, intensity, found, variants);
    }
    if (prune != null) {
      variants.add(pruned(latest, data, intensity, found));
      latest = prunedCheckpoint;
    }
    if (quantizeSettings != null) {
      variants.add(quantized(latest, data, quantizeSettings, intensity, found));
    }
    return variants;
  }

  /** What producing each variant cost (distillation, fine-tuning), by variant name. */
  private final java.util.Map<String, io.lowcarb.energy.EnergyReport> making = new java.util.HashMap<>();

  private StorageReport prunedStorage;
  private Checkpoint prunedCheckpoint;
  private Path prunedStorageFile;

  /** Prunes the checkpoint while fine-tuning, exports the result and measures it. */
  private Variant pruned(Checkpoint dense, LabeledData test, IntensityOptions.Choice intensity,
      SensorDiscovery.Result found) throws IOException {
    Split split = split();
    String stem = export.getFileName().toString().replaceFirst("\\.onnx$", "");
    Path dir = export.toAbsolutePath().resolveSibling(stem + "-pruned");
    int batch = 32;
    long perEpoch = Math.max(1, (split.train().size() + batch - 1) / batch);
    GradualSchedule schedule = fineTuneEpochs == 1
        ? GradualSchedule.over(prune, Math.max(1, perEpoch / 2), 4)
        : GradualSchedule.over(prune, (fineTuneEpochs - 1) * perEpoch, 8);
    Checkpoint start = dense;
    String removed = null;
    if (structured) {
      // The removed filters and neurons are gone from the model: fine-tuning needs no masks, only the smaller layers.
      StructuredPruning.Plan plan = StructuredPruning.plan(dense, test.shape(), prune);
      if (plan.isEmpty()) {
        throw new UsageException("--structured removes filters of convolutions that feed another layer and neurons"
            + " of hidden dense layers; " + dense.spec().name() + " has none");
      }
      start = StructuredPruning.shrunk(dense, plan);
      schedule = GradualSchedule.over(0, 1, 1);
      removed = removedParts(plan);
    }
    PruneResult result;
    try (Meter meter = meterOptions.meter(intensity, found).build()) {
      result = new MaskedFineTuning(meter).run(start, split, new FineTuneSettings(schedule,
          perLayer ? MagnitudePruning.Scope.PER_LAYER : MagnitudePruning.Scope.GLOBAL, fineTuneEpochs, batch,
          fineTuneLr, seed, dir));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    prunedCheckpoint = result.pruned();
    making.put(structured ? "pruned-structured" : "pruned", result.energy());
    Path file = export.toAbsolutePath().resolveSibling(stem + ".pruned.onnx");
    OnnxExport.write(result.pruned(), test.shape(), file);
    prunedStorageFile = export.toAbsolutePath().resolveSibling(stem + ".pruned.sparse");
    StorageReport stored = SparseFile.write(result.pruned(), SparseFile.Encoding.INT8, prunedStorageFile);
    prunedStorage = stored;
    if (structured) {
      spec.commandLine().getErr().printf(Locale.ROOT,
          "compress: removed %.0f %% of %s: %,d parameters left of %,d; fine-tuned %d epochs (%.4g J)%n",
          100 * prune, removed, result.pruned().params(), dense.params(), fineTuneEpochs,
          result.energy().kwh() * 3.6e6);
    } else {
      spec.commandLine().getErr().printf(Locale.ROOT,
        "compress: pruned %.1f %% of %,d weights; fine-tuned %d epochs (%.4g J); stored sparse int8 in %,d B (%.3f of dense fp32)%n",
        100 * result.masks().sparsity(), result.masks().prunable(), fineTuneEpochs,
        result.energy().kwh() * 3.6e6, stored.fileBytes(), stored.ratio());
    }
    try (OnnxModel onnx = InferCommand.open(file); Meter meter = meterOptions.meter(intensity, found).build()) {
      InferenceCost cost = new InferenceBenchmark(meter, Clock.SYSTEM, latencyRuns, duration).run(onnx, test);
      return new Variant(structured ? "pruned-structured" : "pruned", file, cost);
    }
  }

  /** What a structured plan removes a fraction of, in words. */
  private static String removedParts(StructuredPruning.Plan plan) {
    if (plan.channels().kept().isEmpty()) {
      return "the hidden neurons";
    }
    return plan.neurons().kept().isEmpty() ? "the convolution filters" : "the convolution filters and hidden neurons";
  }

  /** Distils the student from the teacher, exports it and measures it; returns its checkpoint. */
  private Checkpoint distilled(LabeledData test, IntensityOptions.Choice intensity, SensorDiscovery.Result found,
      List<Variant> variants) throws IOException {
    Split split = split();
    ModelSpec studentSpec;
    try {
      studentSpec = TrainCommand.modelSpec(student, split, dataset);
    } catch (SpecException e) {
      throw new UsageException(e.getMessage());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UsageException("no such student spec: " + student);
    }
    String stem = export.getFileName().toString().replaceFirst("\\.onnx$", "");
    DistillResult result;
    try (Meter meter = meterOptions.meter(intensity, found).build()) {
      result = new Distillation(meter).run(teacher, studentSpec, split, new DistillSettings(temperature, alpha, distillEpochs,
          32, 0.005f, seed, export.toAbsolutePath().resolveSibling(stem + "-student")));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    spec.commandLine().getErr().printf(Locale.ROOT,
        "compress: distilled a student of %,d parameters (%.1f %% of the teacher's) to %.4f (teacher %.4f, %.1f %%)%n",
        result.studentParams(), 100 * result.paramRatio(), result.studentAccuracy(), result.teacherAccuracy(),
        100 * result.accuracyRatio());
    making.put("distilled", result.energy());
    Checkpoint distilled = Checkpoint.read(result.checkpoint());
    Path file = export.toAbsolutePath().resolveSibling(stem + ".distilled.onnx");
    OnnxExport.write(distilled, test.shape(), file);
    try (OnnxModel onnx = InferCommand.open(file); Meter meter = meterOptions.meter(intensity, found).build()) {
      variants.add(new Variant("distilled",
          file, new InferenceBenchmark(meter, Clock.SYSTEM, latencyRuns, duration).run(onnx, test)));
    }
    return distilled;
  }

  /** Quantizes {@code model} to int8 QDQ, with fp32 fallback per layer, and measures it. */
  private Variant quantized(Checkpoint model, LabeledData test, QuantizeSettings settings,
      IntensityOptions.Choice intensity, SensorDiscovery.Result found) throws IOException {
    String stem = export.getFileName().toString().replaceFirst("\\.onnx$", "");
    Path file = export.toAbsolutePath().resolveSibling(stem + (prune != null ? ".pruned" : "") + ".int8.onnx");
    QuantizedModel q;
    try {
      q = QdqQuantizer.quantize(model, test.shape(), split().train(), test, settings, file);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    spec.commandLine().getErr().printf(Locale.ROOT,
        "compress: int8 accuracy %.4f against fp32 %.4f (limit %.3f); layers in int8: %s; kept fp32: %s%n",
        q.accuracy(), q.fp32Accuracy(), settings.maxAccuracyDrop(), q.quantizedLayers(),
        q.fp32Layers().isEmpty() ? "none" : q.fp32Layers());
    try (OnnxModel onnx = InferCommand.open(file); Meter meter = meterOptions.meter(intensity, found).build()) {
      InferenceCost cost = new InferenceBenchmark(meter, Clock.SYSTEM, latencyRuns, duration).run(onnx, test);
      return new Variant((prune != null ? "pruned-" : "") + q.variantName(), file, cost);
    }
  }

  private Split split;

  /** The dataset with its training part, for fine-tuning and calibration (loaded once). */
  private Split split() throws IOException {
    if (split == null) {
      try {
        split = Datasets.load(dataset, label, testFraction, seed, DatasetCache.standard());
      } catch (DatasetFormatException | IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    return split;
  }

  private void writeJson(List<Variant> variants, RunIds ids, OutputStream o) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(o, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      ids.write(g);
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
        // Producing the variant: distillation or fine-tuning; 0 for the baseline and for quantization.
        io.lowcarb.energy.EnergyReport made = making.get(v.name());
        g.writeNumberField("training_energy_kwh", made == null ? 0 : made.kwh());
        g.writeNumberField("training_emissions_kg", made == null ? 0 : made.emissionsKg());
        g.writeStringField("file", v.file().toString());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (prunedStorage != null) {
        // The pruned weights stored compactly: a bitmap of non-zeros and their values in int8.
        g.writeObjectFieldStart("pruned_storage");
        g.writeStringField("file", prunedStorageFile.toString());
        g.writeNumberField("bytes", prunedStorage.fileBytes());
        g.writeNumberField("params", prunedStorage.params());
        g.writeNumberField("nonzero_params", prunedStorage.nonzero());
        g.writeNumberField("dense_fp32_bytes", prunedStorage.denseBytes());
        g.writeEndObject();
      }
      g.writeObjectFieldStart("intensity");
      g.writeNumberField("g_per_kwh", variants.getFirst().cost().intensityGPerKwh());
      g.writeStringField("zone", variants.getFirst().cost().zone());
      g.writeEndObject();
      g.writeEndObject();
    }
  }
}
