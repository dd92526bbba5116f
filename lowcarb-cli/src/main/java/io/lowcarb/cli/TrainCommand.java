package io.lowcarb.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.lowcarb.energy.Meter;
import io.lowcarb.energy.SensorDiscovery;
import io.lowcarb.track.Artifact;
import io.lowcarb.track.FunctionalUnit;
import io.lowcarb.track.Machine;
import io.lowcarb.track.RunKind;
import io.lowcarb.train.BudgetBasis;
import io.lowcarb.train.EpochResult;
import io.lowcarb.train.GreenTrainer;
import io.lowcarb.train.TrainSettings;
import io.lowcarb.train.TrainingResult;
import io.lowcarb.train.data.DatasetCache;
import io.lowcarb.train.data.DatasetFormatException;
import io.lowcarb.train.data.Datasets;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.forecast.Estimate;
import io.lowcarb.train.forecast.Forecast;
import io.lowcarb.train.model.ModelSpec;
import io.lowcarb.train.model.SpecException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code lowcarb train}: trains a model with its energy and CO2e measured per epoch. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Train a model on DJL (PyTorch, offline) with energy and CO2e per epoch, budgets and a footprint prediction.")
final class TrainCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--dataset", defaultValue = "digits", paramLabel = "digits|mnist|fashion-mnist|PATH.csv",
      description = "The data (default: the built-in digits set).")
  String dataset;

  @Option(names = "--label", defaultValue = "label", paramLabel = "COLUMN", description = "Label column of a CSV dataset.")
  String label;

  @Option(names = "--classes", paramLabel = "FIRST-LAST",
      description = "Keep only these classes, relabelled from 0 (e.g. 5-9).")
  String classes;

  @Option(names = "--limit", paramLabel = "N", description = "Use at most N training examples.")
  Integer limit;

  @Option(names = "--model", defaultValue = "mlp", paramLabel = "mlp|mlp:UNITS|cnn|SPEC.json", description = "The model (default mlp: 128 hidden units).")
  String model;

  @Option(names = "--epochs", defaultValue = "10", description = "Most epochs to run (default 10).")
  int epochs;

  @Option(names = "--out", defaultValue = "train-out", paramLabel = "DIR", description = "Checkpoints go here (default train-out).")
  Path out;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON.")
  Path json;

  @Option(names = "--batch-size", defaultValue = "32") int batchSize;

  @Option(names = "--lr", defaultValue = "0.003", description = "Adam's learning rate (default 0.003).") float learningRate;

  @Option(names = "--lr-decay", defaultValue = "1", paramLabel = "FACTOR",
      description = "Multiply the learning rate by this each epoch, smoothly (default 1: constant).")
  float learningRateDecay;

  @Option(names = "--seed", defaultValue = "42") long seed;

  @Option(names = "--test-fraction", defaultValue = "0.2", description = "Held out for testing, for digits and CSV (default 0.2).")
  double testFraction;

  @Option(names = "--target-accuracy", paramLabel = "0..1", description = "Stop once validation accuracy reaches this.")
  Double targetAccuracy;

  @Option(names = "--max-energy", paramLabel = "ENERGY", description = "Stop at this energy, e.g. 0.05kWh, 50Wh, 1000J.")
  String maxEnergy;

  @Option(names = "--max-co2", paramLabel = "MASS", description = "Stop at this CO2e, e.g. 20g, or as soon as the prediction exceeds it.")
  String maxCo2;

  @Option(names = "--budget-on", defaultValue = "upper", paramLabel = "upper|point",
      description = "Hold budgets against the prediction interval's upper end (default) or its point.")
  String budgetOn;

  @Option(names = "--patience", defaultValue = "0", description = "Stop after N epochs without a better validation accuracy.")
  int patience;

  @Option(names = "--force", description = "Go on even when the prediction exceeds --max-energy or --max-co2.")
  boolean force;

  @Option(names = "--init-from", paramLabel = "CHECKPOINT",
      description = "Start from another training's checkpoint (DIR/model-000N.params): layers that match are reused.")
  Path initFrom;

  @Option(names = "--freeze", split = ",", paramLabel = "LAYERS", description = "Layer indices (0-based, in the spec) not to train.")
  java.util.List<Integer> freeze = new java.util.ArrayList<>();

  @Option(names = "--validate-on-test",
      description = "Decide when to stop on the test part and train on every training example (time-to-accuracy benchmarks; the test accuracy is then not held out).")
  boolean validateOnTest;

  @Option(names = "--resume", description = "Continue the training in --out from its last checkpoint; its energy ledger continues.")
  boolean resume;

  @Mixin IntensityOptions intensityOptions;

  @Mixin MeterOptions meterOptions;

  @Mixin StoreOption storeOption;

  @Override
  public Integer call() throws IOException {
    if (epochs <= 0 || batchSize <= 0 || !(learningRate > 0) || patience < 0) {
      throw new UsageException("--epochs, --batch-size and --lr must be positive, --patience >= 0");
    }
    if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
      throw new UsageException("--lr-decay must be in (0, 1], got " + learningRateDecay);
    }
    if (targetAccuracy != null && !(targetAccuracy > 0 && targetAccuracy <= 1)) {
      throw new UsageException("--target-accuracy must be in (0, 1], got " + targetAccuracy);
    }
    OptionalDouble energyBudget = maxEnergy == null ? OptionalDouble.empty() : OptionalDouble.of(Quantities.kwh(maxEnergy, "--max-energy"));
    OptionalDouble co2Budget = maxCo2 == null ? OptionalDouble.empty() : OptionalDouble.of(Quantities.grams(maxCo2, "--max-co2"));
    BudgetBasis basis = switch (budgetOn.strip().toLowerCase(Locale.ROOT)) {
      case "upper" -> BudgetBasis.UPPER;
      case "point" -> BudgetBasis.POINT;
      default -> throw new UsageException("--budget-on must be upper or point, got '" + budgetOn + "'");
    };
    meterOptions.check();
    IntensityOptions.Choice intensity = intensityOptions.resolve(Instant.now());
    Split data;
    ModelSpec spec;
    try {
      data = subset(Datasets.load(dataset, label, testFraction, seed, DatasetCache.standard()));
      spec = modelSpec(model, data, dataset);
    } catch (DatasetFormatException | SpecException e) {
      throw new UsageException(e.getMessage());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UsageException("no such file: " + e.getFile());
    }
    if (initFrom != null) {
      try {
        io.lowcarb.train.WarmStart.check(initFrom); // before the run is recorded and --out written
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    TrainSettings settings = new TrainSettings(epochs, batchSize, learningRate, learningRateDecay, seed,
        targetAccuracy == null ? OptionalDouble.empty() : OptionalDouble.of(targetAccuracy), energyBudget, co2Budget,
        patience, force, out, resume, java.util.Optional.ofNullable(initFrom), java.util.Set.copyOf(freeze),
        validateOnTest, basis);
    SensorDiscovery.Result found = SensorDiscovery.discover(meterOptions.discovery());
    PrintWriter err = spec().commandLine().getErr();
    err.printf(Locale.ROOT, "train: %s on %s (%d training, %d test examples), up to %d epochs%n",
        spec.name(), dataset, data.train().size(), data.test().size(), epochs);
    TrainingResult result;
    try (Recording recording = Recording.start(storeOption, this.spec, RunKind.TRAIN, spec.name() + " on " + dataset,
        Machine.of(found.machine()), "accuracy")) {
      try (Meter meter = meterOptions.meter(intensity, found).build()) {
        result = recording.failOnError(() -> new GreenTrainer(meter).train(spec, data, settings,
            new RecordedEpochs(new ProgressBar(err), recording)));
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new UsageException(e.getMessage());
      } catch (IOException | RuntimeException | Error e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      report(err, result);
      if (json != null) {
        writeJson(result, recording.ids(), json);
      }
      List<Artifact> files = new ArrayList<>(List.of(new Artifact("checkpoint", result.checkpoint())));
      if (json != null) {
        files.add(new Artifact("json", json.toAbsolutePath().toString()));
      }
      Map<String, Double> metrics = new java.util.LinkedHashMap<>(Map.of("accuracy", result.accuracy(),
          "epochs", (double) result.epochs().size(), "total_energy_kwh", result.totalKwh()));
      result.predicted().ifPresent(f -> metrics.put("predicted_energy_kwh", f.energyKwh().point()));
      recording.finish(result.report(), metrics, end -> end.withArtifacts(files).withUnit(new FunctionalUnit("training run", 1)));
    }
    return 0;
  }

  private void report(PrintWriter err, TrainingResult result) {
    err.printf(Locale.ROOT, "train: test accuracy %.4f after %d epochs; stopped: %s%n",
        result.accuracy(), result.epochs().size(), result.stoppedBecause());
    String sessions = result.sessions() > 1 ? " over " + result.sessions() + " sessions" : "";
    if (result.predicted().isPresent()) {
      Forecast f = result.predicted().get();
      err.printf(Locale.ROOT, "train: energy %s, predicted after epoch 1 for %d epochs %s; %s CO2e, predicted %s%s%n",
          Summary.energy(result.totalKwh() * 3.6e6), f.epochs(), ProgressBar.energy(f.energyKwh()),
          Summary.grams(result.totalGrams()), ProgressBar.grams(f.emissionsGrams()), sessions);
    } else {
      err.printf(Locale.ROOT, "train: energy %s, %s CO2e%s%n", Summary.energy(result.totalKwh() * 3.6e6),
          Summary.grams(result.totalGrams()), sessions);
    }
    err.println("train: checkpoint " + result.checkpoint());
  }

  /**
   * The spec that {@code --model} names: {@code mlp} (128 hidden units), {@code mlp:UNITS}, {@code cnn}
   * (for images) or a JSON file.
   */
  static ModelSpec modelSpec(String model, Split data, String dataset) throws java.io.IOException, SpecException {
    if (model.startsWith("mlp:")) {
      if (!model.matches("mlp:0*[1-9][0-9]{0,5}")) {
        throw new UsageException("--model mlp:UNITS needs a positive number of hidden units, got '" + model + "'");
      }
      return ModelSpec.mlp(Integer.parseInt(model.substring(4)), data.train().classes());
    }
    return switch (model) {
      case "mlp" -> ModelSpec.mlp(128, data.train().classes());
      case "cnn" -> {
        if (data.train().shape().length != 3) {
          throw new UsageException("--model cnn needs images; " + dataset + " holds vectors: use mlp or a spec");
        }
        yield ModelSpec.cnn(data.train().classes());
      }
      default -> ModelSpec.read(Path.of(model));
    };
  }

  /** Applies --classes and --limit. */
  private Split subset(Split data) {
    if (limit != null && limit <= 0) {
      throw new UsageException("--limit must be positive, got " + limit);
    }
    int first = 0;
    int last = data.train().classes() - 1;
    if (classes != null) {
      var m = java.util.regex.Pattern.compile("(\\d+)-(\\d+)").matcher(classes.trim());
      if (!m.matches()) {
        throw new UsageException("--classes must look like 5-9, got '" + classes + "'");
      }
      first = Integer.parseInt(m.group(1));
      last = Integer.parseInt(m.group(2));
    }
    if (classes == null && limit == null) {
      return data;
    }
    try {
      return new Split(data.train().classes(first, last, limit == null ? Integer.MAX_VALUE : limit),
          data.test().classes(first, last, Integer.MAX_VALUE));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--classes: " + e.getMessage());
    }
  }

  private CommandLine.Model.CommandSpec spec() {
    return spec;
  }

  private void writeJson(TrainingResult r, RunIds ids, Path file) throws IOException {
    io.lowcarb.energy.report.AtomicFile.write(file, o -> writeJson(r, ids, o));
  }

  private void writeJson(TrainingResult r, RunIds ids, OutputStream o) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(o, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      ids.write(g);
      g.writeStringField("dataset", dataset);
      g.writeStringField("model", model);
      g.writeNumberField("accuracy", r.accuracy());
      g.writeNumberField("epochs_run", r.epochs().size());
      g.writeNumberField("energy_kwh", r.totalKwh());
      g.writeNumberField("emissions_kg", r.totalGrams() / 1000);
      if (!r.report().components().isEmpty()) {
        // the meter's sensors, which measured every session alike
        io.lowcarb.energy.report.BasisJson.write(g, io.lowcarb.energy.EnergyBasis.of(r.report()));
      }
      g.writeNumberField("duration_s", r.totalSeconds());
      g.writeNumberField("sessions", r.sessions());
      g.writeNumberField("session_energy_kwh", r.report().kwh());
      writePrediction(g, r.predicted());
      g.writeStringField("stopped_because", r.stoppedBecause());
      g.writeStringField("checkpoint", r.checkpoint());
      g.writeObjectFieldStart("intensity");
      g.writeNumberField("g_per_kwh", r.report().intensity().gPerKwh());
      g.writeStringField("zone", r.report().intensity().zone());
      g.writeStringField("source", r.report().intensity().source());
      g.writeEndObject();
      g.writeArrayFieldStart("epochs");
      for (EpochResult e : r.epochs()) {
        g.writeStartObject();
        g.writeNumberField("epoch", e.epoch());
        g.writeNumberField("loss", e.loss());
        g.writeNumberField("validation_accuracy", e.validationAccuracy());
        g.writeNumberField("energy_kwh", e.energyKwh());
        g.writeNumberField("emissions_g", e.co2Grams());
        g.writeNumberField("seconds", e.seconds());
        g.writeNumberField("samples_per_s", e.samplesPerSecond());
        g.writeStringField("checkpoint", e.checkpoint());
        writePrediction(g, e.forecast());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /** The prediction's fields (null without one): kWh, kgCO2e and s, each with its interval [low, high]. */
  private static void writePrediction(JsonGenerator g, java.util.Optional<Forecast> forecast) throws IOException {
    Forecast f = forecast.orElse(null);
    writeEstimate(g, "predicted_energy_kwh", "predicted_energy_interval_kwh", f == null ? null : f.energyKwh());
    writeEstimate(g, "predicted_emissions_kg", "predicted_emissions_interval_kg",
        f == null ? null : f.emissionsGrams().times(1 / 1000.0));
    writeEstimate(g, "predicted_duration_s", "predicted_duration_interval_s", f == null ? null : f.seconds());
    if (f != null) {
      g.writeNumberField("prediction_after_epoch", f.afterEpoch());
      g.writeNumberField("prediction_spent_energy_kwh", f.spentKwh());
      g.writeNumberField("prediction_spread_pct", f.spreadPct());
      g.writeNumberField("prediction_meter_uncertainty_pct", f.meterPct());
    }
  }

  private static void writeEstimate(JsonGenerator g, String point, String interval, Estimate e) throws IOException {
    if (e == null) {
      g.writeNullField(point);
      g.writeNullField(interval);
      return;
    }
    g.writeNumberField(point, e.point());
    g.writeArrayFieldStart(interval);
    g.writeNumber(e.low());
    g.writeNumber(e.high());
    g.writeEndArray();
  }
}
