package io.lowcarb.train.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ForecasterTest {
  static final double J_PER_KWH = 3.6e6;

  @Test
  void theWarmUpIsSpentOnceNotMultiplied() {
    SyntheticRun run = new SyntheticRun(10, 0.0001, 0);
    run.spend(50); // model and data set-up, before the first batch
    Forecaster forecaster = new Forecaster(5, 2, Reading.ZERO);
    // 10 warm-up batches at 10 J, 90 steady ones at 1 J; validation 5 J, checkpoint 1 J
    EpochTrace first = run.epoch(1, 100, 10, b -> b <= 10 ? 10 : 1, 5, 1);
    Forecast f = forecaster.add(first);

    // spent 246 J; 4 epochs of 100 x 1 + 5 + 1 J to come; the test pass is twice a validation pass
    assertThat(f.energyKwh().point() * J_PER_KWH).isCloseTo(246 + 4 * 106 + 2 * 5, within(1e-6));
    assertThat(f.seconds().point()).isCloseTo(68.0, within(1e-9));
    assertThat(f.emissionsGrams().point()).isCloseTo(680 * 0.0001, within(1e-12));
    assertThat(f.spentKwh() * J_PER_KWH).isCloseTo(246, within(1e-6));
    // Epoch 1 times the epochs (CarbonTracker's way) would say 980 J.
    assertThat(f.energyKwh().point() * J_PER_KWH).isLessThan(196 * 5 * 0.75);
    // A steady process without noise, read by an exact meter: nothing to be unsure of.
    assertThat(f.energyKwh().high()).isCloseTo(f.energyKwh().point(), within(1e-15));
    assertThat(f.afterEpoch()).isEqualTo(1);
    assertThat(f.epochs()).isEqualTo(5);
  }

  @Test
  void theValidationPassesWarmUpIsNotMultipliedEither() {
    SyntheticRun run = new SyntheticRun(10, 0.0001, 0);
    Forecaster forecaster = new Forecaster(4, 5, Reading.ZERO);
    // validation in 4 batches of 1 J, the first 7 J more: the engine meets the evaluation's shapes
    EpochTrace first = run.epoch(1, 50, 5, b -> 1, 4, v -> v == 1 ? 8 : 1, 0.5);
    assertThat(first.validation().joules()).isCloseTo(11, within(1e-9));
    assertThat(first.steadyValidation().joules()).isCloseTo(4, within(1e-9));
    Forecast f = forecaster.add(first);
    // spent 61.5 J; three epochs of 50 + 4 + 0.5 J; the test pass is five steady validation passes
    assertThat(f.energyKwh().point() * J_PER_KWH).isCloseTo(61.5 + 3 * 54.5 + 5 * 4, within(1e-6));
    // a pass of one batch has no steady part to tell apart: it is taken whole
    EpochTrace single = new SyntheticRun(10, 0.0001, 0).epoch(1, 50, 5, b -> 1, 1, v -> 8, 0.5);
    assertThat(single.firstValidationBatch()).isEmpty();
    assertThat(single.steadyValidation().joules()).isCloseTo(8, within(1e-9));
  }

  @Test
  void laterEpochsReplaceTheEstimateByWhatTheyMeasured() {
    SyntheticRun run = new SyntheticRun(10, 0.0001, 0);
    Forecaster forecaster = new Forecaster(5, 2, Reading.ZERO);
    forecaster.add(run.epoch(1, 100, 10, b -> b <= 10 ? 10 : 1, 5, 1));
    double afterOne = run.joules;
    run.spend(0.5); // between epochs: the ledger is written
    Forecast f = forecaster.add(run.epoch(2, 100, 0, b -> 1.5, 5, 1)); // the machine got busier
    double epochTwo = run.joules - afterOne;
    assertThat(epochTwo).isCloseTo(156.5, within(1e-9));
    assertThat(f.energyKwh().point() * J_PER_KWH).isCloseTo(run.joules + 3 * epochTwo + 2 * 5, within(1e-6));

    run.spend(0.5);
    f = forecaster.add(run.epoch(3, 100, 0, b -> 0.5, 5, 1)); // and calmer again: the mean of epochs 2 and 3
    assertThat(f.energyKwh().point() * J_PER_KWH).isCloseTo(run.joules + 2 * (156.5 + 56.5) / 2 + 10, within(1e-6));
    // Three per-epoch figures that disagree: the interval says so.
    assertThat(f.spreadPct()).isGreaterThan(50);
  }

  @Test
  void theIntervalHoldsTheTruthOfANoisySteadyProcess() {
    Random random = new Random(7);
    int trials = 400;
    int epochs = 5;
    double tail = 2;
    int energyInside = 0;
    int timeInside = 0;
    double widths = 0;
    for (int t = 0; t < trials; t++) {
      SyntheticRun run = new SyntheticRun(20, 0.0002, 0);
      run.spend(30);
      Forecaster forecaster = new Forecaster(epochs, tail, Reading.ZERO);
      Forecast afterOne = null;
      for (int e = 1; e <= epochs; e++) {
        int epoch = e;
        EpochTrace trace = epochOfNoise(run, random, epoch);
        Forecast f = forecaster.add(trace);
        if (e == 1) {
          afterOne = f;
        }
      }
      double validation = 4 + random.nextGaussian() * 0.4;
      run.spend(tail * validation, tail * validation / 20 * (1 + 0.1 * random.nextGaussian()));
      energyInside += afterOne.energyKwh().contains(run.joules / J_PER_KWH) ? 1 : 0;
      timeInside += afterOne.seconds().contains(run.seconds) ? 1 : 0;
      widths += (afterOne.energyKwh().high() - afterOne.energyKwh().point()) / afterOne.energyKwh().point() / trials;
    }
    // A 95 % interval: it holds the truth about 95 times in 100.
    assertThat(energyInside).isGreaterThanOrEqualTo((int) (0.9 * trials));
    assertThat(timeInside).isGreaterThanOrEqualTo((int) (0.9 * trials));
    // ...and is not so wide as to say nothing: the noise of single batches averages out.
    assertThat(widths).isLessThan(0.1);
  }

  /** 200 batches of 1 J +/- 30 % (2 J while warming up in epoch 1), time noisier still; validation 4 J, checkpoint 1 J. */
  private static EpochTrace epochOfNoise(SyntheticRun run, Random random, int epoch) {
    int batches = 200;
    int warmup = epoch == 1 ? Warmup.DEFAULT.of(batches) : 0;
    EpochRecorder recorder = new EpochRecorder(epoch, batches, warmup, run);
    for (int b = 1; b <= batches; b++) {
      double j = Math.max(0.05, (epoch == 1 && b <= 20 ? 2 : 1) + 0.3 * random.nextGaussian());
      run.spend(j, j / 20 * Math.max(0.1, 1 + 0.3 * random.nextGaussian()));
      recorder.batchDone(b);
    }
    double v = 4 + random.nextGaussian() * 0.4;
    run.spend(v, v / 20);
    recorder.validated();
    run.spend(1 + 0.1 * random.nextGaussian());
    return recorder.end();
  }

  @Test
  void aDriftingMachineWidensTheIntervalMoreThanTheSameNoiseInAnyOrder() {
    // the same ten block costs, once climbing steadily (another job ramping up), once interleaved
    double[] climbing = {0.80, 0.85, 0.90, 0.95, 1.00, 1.05, 1.10, 1.15, 1.20, 1.25};
    double[] interleaved = {0.80, 1.25, 0.85, 1.20, 0.90, 1.15, 0.95, 1.10, 1.00, 1.05};
    double drift = spreadAfterEpochOne(climbing);
    double noise = spreadAfterEpochOne(interleaved);
    assertThat(noise).isPositive();
    assertThat(drift).isGreaterThan(2 * noise);
  }

  /** Epoch 1: 10 warm-up batches, then ten blocks of ten batches at the given cost per batch. */
  private static double spreadAfterEpochOne(double[] blockCosts) {
    SyntheticRun run = new SyntheticRun(10, 0.0001, 0);
    return new Forecaster(5, 0, Reading.ZERO)
        .add(run.epoch(1, 110, 10, b -> b <= 10 ? 3 : blockCosts[(b - 11) / 10], 0, 0)).spreadPct();
  }

  @Test
  void theMetersUncertaintyWidensTheWholeEnergyNotTheTime() {
    SyntheticRun run = new SyntheticRun(10, 0.0001, 20);
    Forecast f = new Forecaster(4, 1, Reading.ZERO).add(run.epoch(1, 50, 5, b -> 1, 2, 1));
    double point = f.energyKwh().point();
    assertThat(f.energyKwh().high()).isCloseTo(point * 1.2, within(point * 1e-9));
    assertThat(f.energyKwh().low()).isCloseTo(point * 0.8, within(point * 1e-9));
    assertThat(f.emissionsGrams().high()).isCloseTo(f.emissionsGrams().point() * 1.2, within(1e-12));
    assertThat(f.meterPct()).isEqualTo(20);
    assertThat(f.seconds().high()).isCloseTo(f.seconds().point(), within(1e-9)); // a clock, not an estimate
  }

  @Test
  void spreadAndMeterAddInQuadrature() {
    SyntheticRun run = new SyntheticRun(10, 0.0001, 10);
    Forecast f = new Forecaster(3, 0, Reading.ZERO).add(run.epoch(1, 100, 10, b -> b % 2 == 0 ? 1.5 : 0.5, 0, 0));
    double rest = 2 * 100; // two epochs of 100 J to come
    double spread = f.spreadPct() / 100 * rest;
    double meter = 0.10 * f.energyKwh().point() * J_PER_KWH;
    assertThat(f.spreadPct()).isPositive();
    assertThat((f.energyKwh().high() - f.energyKwh().point()) * J_PER_KWH)
        .isCloseTo(Math.sqrt(spread * spread + meter * meter), within(1e-6));
  }

  @Test
  void earlierSessionsCount() {
    SyntheticRun run = new SyntheticRun(10, 0.0001, 0);
    Reading before = new Reading(1000, 0.1, 100, 0);
    Forecast f = new Forecaster(3, 0, before).add(run.epoch(3, 10, 2, b -> 1, 0, 0));
    assertThat(f.energyKwh().point() * J_PER_KWH).isCloseTo(1000 + 10, within(1e-9)); // the last epoch: nothing to come
    assertThat(f.seconds().point()).isCloseTo(101, within(1e-9));
  }

  @Test
  void anEpochOfOneBatchHasNoSpreadToMeasureAndSaysSo() {
    SyntheticRun run = new SyntheticRun(10, 0.0001, 0);
    assertThat(Warmup.DEFAULT.of(1)).isZero();
    Forecast f = new Forecaster(4, 0, Reading.ZERO).add(run.epoch(1, 1, 0, b -> 3, 0, 0));
    assertThat(f.energyKwh().point() * J_PER_KWH).isCloseTo(12, within(1e-9));
    assertThat(f.spreadPct()).isEqualTo(100);
    assertThat(f.energyKwh().low()).isCloseTo(3 / J_PER_KWH, within(1e-15));
  }

  @Test
  void warmUpIsTheLargerOfACountAndAShare() {
    assertThat(Warmup.DEFAULT.of(41)).isEqualTo(5);
    assertThat(Warmup.DEFAULT.of(844)).isEqualTo(85);
    assertThat(Warmup.DEFAULT.of(6)).isEqualTo(4); // two steady batches are always left
    assertThat(Warmup.DEFAULT.of(2)).isZero();
  }

  @Test
  void anEpochIsReadAHandfulOfTimesWhateverItsBatches() {
    SyntheticRun run = new SyntheticRun(10, 0.0001, 0);
    EpochTrace t = run.epoch(1, 10_000, 1_000, b -> 1, 1, 1);
    // start, warm-up end, ten blocks (the last at the last batch), validation, end
    assertThat(run.readings).isEqualTo(1 + 1 + EpochRecorder.BLOCKS + 2);
    assertThat(t.steady()).hasSize(EpochRecorder.BLOCKS + 1);
    assertThat(t.steady().getFirst().batch()).isEqualTo(1_000);
  }
}
