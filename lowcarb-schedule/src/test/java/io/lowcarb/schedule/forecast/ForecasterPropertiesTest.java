package io.lowcarb.schedule.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class ForecasterPropertiesTest {

  @Provide
  Arbitrary<Forecaster> forecasters() {
    return Arbitraries.of(List.of(SeasonalNaive.daily(), SeasonalNaive.weekly(), HoltWinters.fitted(),
        HoltWinters.withParameters(new HoltWinters.Parameters(0.3, 0.2, 0.1, 0.95), 24 * 21)));
  }

  /** A noisy history with a daily cycle, jumps, and about {@code missingShare} of its hours missing. */
  private static double[] noisyHistory(long seed, int hours, double missingShare) {
    Random random = new Random(seed);
    double level = 50 + 400 * random.nextDouble();
    double[] out = new double[hours];
    for (int t = 0; t < hours; t++) {
      if (random.nextDouble() < 0.01) {
        level = 400 * random.nextDouble();
      }
      double v = level * (1 + 0.5 * Math.sin(2 * Math.PI * t / 24)) + 30 * random.nextGaussian();
      out[t] = random.nextDouble() < missingShare ? Double.NaN : Math.max(0, v);
    }
    return out;
  }

  @Property(tries = 60)
  void forecastsHaveTheHorizonsLengthAndAreFiniteAndNonNegative(
      @ForAll("forecasters") Forecaster forecaster,
      @ForAll long seed,
      @ForAll @IntRange(min = 504, max = 1500) int hours,
      @ForAll @DoubleRange(min = 0, max = 0.5) double missingShare,
      @ForAll @IntRange(min = 1, max = 200) int horizon) {
    double[] history = noisyHistory(seed, hours, missingShare);
    history[hours / 2] = 0; // at least one value
    double[] copy = history.clone();
    double[] forecast = forecaster.forecast(history, horizon);
    assertThat(forecast).hasSize(horizon);
    assertThat(Arrays.stream(forecast).allMatch(v -> Double.isFinite(v) && v >= 0)).as(Arrays.toString(forecast)).isTrue();
    assertThat(history).as("the history is left as it was").containsExactly(copy);
  }

  @Property(tries = 60)
  void aConstantHistoryForecastsTheConstant(
      @ForAll("forecasters") Forecaster forecaster,
      @ForAll @DoubleRange(min = 0, max = 2000) double value,
      @ForAll @IntRange(min = 504, max = 1500) int hours,
      @ForAll @IntRange(min = 1, max = 72) int horizon) {
    double[] history = new double[hours];
    Arrays.fill(history, value);
    for (double v : forecaster.forecast(history, horizon)) {
      assertThat(v).isCloseTo(value, within(1e-9 * Math.max(1, value)));
    }
  }

  @Property(tries = 100)
  void seasonalNaiveContinuesAnyPeriodicSeriesExactly(
      @ForAll @IntRange(min = 1, max = 200) int period,
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 5) int periods,
      @ForAll @IntRange(min = 1, max = 400) int horizon) {
    Random random = new Random(seed);
    double[] profile = random.doubles(period, 0, 1000).toArray();
    int hours = period * periods + random.nextInt(period);
    double[] history = Synthetic.values(hours, t -> profile[t % period]);
    double[] expected = Synthetic.values(horizon, k -> profile[(hours + k) % period]);
    assertThat(new SeasonalNaive(period).forecast(history, horizon)).containsExactly(expected);
  }

  @Property(tries = 30)
  void holtWintersIgnoresHistoryOlderThanItsWindow(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 2000) int older,
      @ForAll @IntRange(min = 504, max = 900) int window) {
    double[] recent = noisyHistory(seed, window, 0.05);
    recent[0] = 1;
    double[] longer = new double[older + window];
    Arrays.fill(longer, 0, older, 999);
    System.arraycopy(recent, 0, longer, older, window);
    HoltWinters model = HoltWinters.fitted(window, 24);
    assertThat(model.forecast(longer, 24)).containsExactly(model.forecast(recent, 24));
  }
}
