package io.lowcarb.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import io.lowcarb.energy.ComponentEnergy;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.Measurement;
import io.lowcarb.energy.Meter;
import io.lowcarb.train.data.LabeledData;
import io.lowcarb.train.forecast.EpochRecorder;
import io.lowcarb.train.forecast.Forecast;
import io.lowcarb.train.forecast.Forecaster;
import io.lowcarb.train.forecast.Reading;
import io.lowcarb.train.forecast.Warmup;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.Blocks;
import io.lowcarb.train.model.CheckpointLayout;
import io.lowcarb.train.model.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Trains a model on DJL (PyTorch engine) with the energy of every epoch measured, a prediction of
 * the whole run's footprint after every epoch (see {@link Forecaster}), a checkpoint per epoch,
 * and stopping rules.
 * Stopping decisions use a validation part carved from the training data; the test part is
 * touched once, at the end.
 */
public final class GreenTrainer {
  private final Meter meter;

  /** @param meter measures the training; its intensity and PUE turn energy into CO2e */
  public GreenTrainer(Meter meter) {
    this.meter = meter;
  }

  /** Trains {@code spec} on {@code data} and returns the result; checkpoints go to {@code settings.out()}. */
  public TrainingResult train(ModelSpec spec, Split data, TrainSettings settings, TrainingProgress progress)
      throws IOException {
    NativeHeap.keepBatchBuffers(System.getenv());
    Engine.getInstance().setRandomSeed((int) settings.seed());
    // Inputs are standardised with the training part's mean and deviation (kept with the checkpoint).
    double[] moments = data.train().moments();
    data = new Split(data.train().standardised(moments[0], moments[1]), data.test().standardised(moments[0], moments[1]));
    // Validating on the test part needs no holdout: then every training example is trained on.
    Split fit = settings.validateOnTest()
        ? new Split(data.train(), data.test())
        : Split.of(data.train(), 0.1, settings.seed());
    Files.createDirectories(settings.out());
    Ledger ledger = ledger(spec, settings);
    Files.writeString(settings.out().resolve("model.json"), spec.toJson());
    int firstEpoch = ledger.epochs().size() + 1;
    // What earlier sessions spent is part of the whole training's footprint.
    Forecaster forecaster = new Forecaster(settings.epochs(), data.test().size() / (double) Math.max(1, fit.test().size()),
        new Reading(ledger.totalKwh() * 3.6e6, ledger.totalGrams(), ledger.totalSeconds(), 0));

    try (Measurement run = meter.start("train " + spec.name() + " on " + data.train().name());
        Model model = Model.newInstance(spec.name());
        NDManager manager = NDManager.newBaseManager()) {
      model.setBlock(Blocks.of(spec));
      if (firstEpoch > 1) {
        loadCheckpoint(model, spec, settings.out(), firstEpoch - 1);
      }
      ledger.openSession(java.time.Instant.now().toString());
      run.onProgress(java.time.Duration.ofSeconds(10), sofar -> flush(ledger, sofar, settings.out()));
      EpochEnergyListener energy = new EpochEnergyListener(run);
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(learningRate(settings, fit.train().size())).build())
          .addTrainingListeners(energy);
      // DJL's trainer calls onTrainingBegin as it is made and onTrainingEnd as it closes.
      try (Trainer trainer = model.newTrainer(config)) {
        long[] shape = data.train().shape();
        long[] input = new long[shape.length + 1];
        input[0] = 1;
        System.arraycopy(shape, 0, input, 1, shape.length);
        if (settings.initFrom().isPresent() && firstEpoch == 1) {
          WarmStart.Result reused = WarmStart.apply(settings.initFrom().get(), model, manager, new Shape(input));
          progress.warmStart(reused);
        }
        WarmStart.freeze(model.getBlock(), settings.freeze());
        trainer.initialize(new Shape(input));
        ArrayDataset train = dataset(manager, fit.train(), settings.batchSize(), true);
        ArrayDataset validation = dataset(manager, fit.test(), 512, false);
        ArrayDataset test = dataset(manager, data.test(), 512, false);

        List<EpochResult> epochs = new ArrayList<>(ledger.epochs());
        String stopped = "epochs";
        StoppingRules rules = new StoppingRules(settings);
        String checkpoint = "";
        int batches = (int) Math.ceil(fit.train().size() / (double) settings.batchSize());
        Supplier<Reading> meterReading = () -> reading(run.peek());
        for (int epoch = firstEpoch; epoch <= settings.epochs(); epoch++) {
          // Only the session's first epoch warms up: the JIT, first allocations, the engine's kernel choices.
          EpochRecorder recorder = new EpochRecorder(epoch, batches,
              epoch == firstEpoch ? Warmup.DEFAULT.of(batches) : 0, meterReading);
          int current = epoch;
          double loss = trainEpoch(trainer, train, fit.train().size(), done -> {
            recorder.batchDone(done);
            progress.batch(current, done, batches);
          });
          double accuracy = accuracy(trainer, validation, recorder::validationBatchDone);
          recorder.validated();
          trainer.notifyListeners(l -> l.onEpoch(trainer));
          model.setProperty("Epoch", Integer.toString(epoch));
          model.setProperty("ValidationAccuracy", Double.toString(accuracy));
          model.setProperty("InputMean", Double.toString(moments[0]));
          model.setProperty("InputStd", Double.toString(moments[1]));
          model.save(settings.out(), "model");
          checkpoint = settings.out().resolve(String.format("model-%04d.params", epoch)).toString();
          Forecast forecast = forecaster.add(recorder.end());
          EnergyReport e = energy.lastEpoch();
          EpochResult result = new EpochResult(epoch, loss, accuracy, e.kwh(), e.emissionsGrams(), e.seconds(),
              fit.train().size() / Math.max(e.seconds(), 1e-9), checkpoint, Optional.of(forecast));
          epochs.add(result);
          ledger.addEpoch(result);
          if (epoch == 1) {
            ledger.predicted(forecast);
          }
          progress.epoch(result);
          progress.predicted(forecast);
          flush(ledger, run.peek(), settings.out());
          var reason = rules.stop(epochs);
          if (reason.isPresent()) {
            stopped = reason.get();
            break;
          }
        }
        double testAccuracy = accuracy(trainer, test, (seen, total) -> {});
        EnergyReport total = run.stop();
        ledger.session(total.kwh(), total.emissionsGrams(), total.seconds(), true);
        ledger.write(settings.out());
        if (checkpoint.isEmpty() && !epochs.isEmpty()) {
          checkpoint = epochs.getLast().checkpoint();
        }
        return new TrainingResult(testAccuracy, List.copyOf(epochs), ledger.predicted(), stopped, checkpoint, total,
            ledger.totalKwh(), ledger.totalGrams(), ledger.totalSeconds(), ledger.sessions().size());
      } catch (TranslateException e) {
        throw new IOException("training failed: " + e.getMessage(), e);
      }
    }
  }

  /** A constant rate, or one that shrinks by the decay factor over each epoch's steps. */
  private static Tracker learningRate(TrainSettings settings, int trainingExamples) {
    if (settings.learningRateDecay() >= 1) {
      return Tracker.fixed(settings.learningRate());
    }
    int steps = Math.max(1, (int) Math.ceil(trainingExamples / (double) settings.batchSize()));
    return Tracker.factor()
        .setBaseValue(settings.learningRate())
        .setFactor((float) Math.pow(settings.learningRateDecay(), 1.0 / steps))
        .build();
  }

  private static Ledger ledger(ModelSpec spec, TrainSettings settings) throws IOException {
    Path file = settings.out().resolve(Ledger.FILE);
    if (!settings.resume()) {
      if (Files.exists(file)) {
        throw new IllegalArgumentException(settings.out() + " already holds a training: --resume it, or give another --out");
      }
      return new Ledger(spec.toJson());
    }
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("nothing to resume in " + settings.out() + ": it has no " + Ledger.FILE);
    }
    Ledger ledger = Ledger.read(settings.out());
    if (!ledger.model().equals(spec.toJson())) {
      throw new IllegalArgumentException("the training in " + settings.out() + " is of another model; give the same --model");
    }
    return ledger;
  }

  private static void loadCheckpoint(Model model, ModelSpec spec, Path dir, int epoch) throws IOException {
    // DJL believes the sizes in the file: they are checked first
    CheckpointLayout.check(dir.resolve(String.format(java.util.Locale.ROOT, "model-%04d.params", epoch)), spec);
    try {
      model.load(dir, "model", java.util.Map.of("epoch", Integer.toString(epoch)));
    } catch (ai.djl.MalformedModelException | RuntimeException e) {
      throw new IllegalArgumentException("the checkpoint of epoch " + epoch + " in " + dir + " does not match the model: "
          + e.getMessage());
    }
  }

  private static void flush(Ledger ledger, EnergyReport sofar, Path dir) {
    ledger.session(sofar.kwh(), sofar.emissionsGrams(), sofar.seconds(), false);
    try {
      ledger.write(dir);
    } catch (IOException e) {
      System.getLogger(GreenTrainer.class.getName()).log(System.Logger.Level.WARNING, "cannot write the ledger", e);
    }
  }

  static ArrayDataset dataset(NDManager manager, LabeledData data, int batch, boolean shuffle) {
    long[] shape = new long[data.shape().length + 1];
    shape[0] = data.size();
    System.arraycopy(data.shape(), 0, shape, 1, data.shape().length);
    NDArray x = manager.create(data.features(), new Shape(shape));
    long[] labels = new long[data.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = data.labels()[i];
    }
    NDArray y = manager.create(labels);
    return new ArrayDataset.Builder().setData(x).optLabels(y).setSampling(batch, shuffle).build();
  }

  /** The meter's cumulative figures of the session so far, with the energy-weighted uncertainty of its components. */
  static Reading reading(EnergyReport sofar) {
    double joules = sofar.joules();
    double weighted = 0;
    double widest = 0;
    for (ComponentEnergy c : sofar.components()) {
      weighted += c.joules() * c.uncertaintyPct();
      widest = Math.max(widest, c.uncertaintyPct());
    }
    return new Reading(joules, sofar.emissionsGrams(), sofar.seconds(), joules > 0 ? weighted / joules : widest);
  }

  /** Trains one epoch; {@code afterBatch} hears of each batch done, counting from 1. */
  private static double trainEpoch(Trainer trainer, ArrayDataset train, int size, IntConsumer afterBatch)
      throws IOException, TranslateException {
    double lossSum = 0;
    int done = 0;
    for (Batch batch : trainer.iterateDataset(train)) {
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDList predictions = trainer.forward(batch.getData(), batch.getLabels());
        NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), predictions);
        collector.backward(loss);
        lossSum += loss.getFloat() * batch.getSize();
      }
      trainer.step();
      batch.close();
      afterBatch.accept(++done);
    }
    return lossSum / size;
  }

  /** The share of {@code data} classified right; {@code afterBatch} hears of examples seen and the total. */
  private static double accuracy(Trainer trainer, ArrayDataset data, java.util.function.BiConsumer<Integer, Integer> afterBatch)
      throws IOException, TranslateException {
    long correct = 0;
    long seen = 0;
    int total = (int) data.size();
    for (Batch batch : trainer.iterateDataset(data)) {
      NDArray predicted = trainer.evaluate(batch.getData()).singletonOrThrow().argMax(1);
      NDArray labels = batch.getLabels().singletonOrThrow().toType(predicted.getDataType(), false);
      correct += predicted.eq(labels).countNonzero().getLong();
      seen += batch.getSize();
      batch.close();
      afterBatch.accept((int) seen, total);
    }
    return seen == 0 ? 0 : (double) correct / seen;
  }
}
