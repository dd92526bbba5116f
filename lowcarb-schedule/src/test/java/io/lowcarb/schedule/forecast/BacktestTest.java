package io.lowcarb.schedule.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {

  /** Forecasts a constant and records the history lengths it was given. */
  static final class Constant implements Forecaster {
    final double value;
    final List<Integer> issues = new ArrayList<>();
    int fits;

    Constant(double value) {
      this.value = value;
    }

    @Override
    public String name() {
      return "constant";
    }

    @Override
    public int minimumHistory() {
      return 1;
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
      issues.add(history.length);
      double[] out = new double[horizon];
      Arrays.fill(out, value);
      return out;
    }

    @Override
    public Forecaster fit(double[] history) {
      fits++;
      return this;
    }
  }

  @Test
  void scoresAbsoluteAndPercentageErrors() {
    Constant constant = new Constant(90);
    List<Backtest.Result> results = new Backtest().run(Synthetic.series(Synthetic.values(24 * 40, t -> 100)),
        List.of(constant));
    Backtest.Result r = results.getFirst();
    assertThat(r.forecaster()).isEqualTo("constant");
    assertThat(r.mapePercent()).isCloseTo(10, within(1e-9));
    assertThat(r.maeGPerKwh()).isCloseTo(10, within(1e-9));
    assertThat(r.forecasts()).isEqualTo(12);
    assertThat(r.hoursScored()).isEqualTo(12 * 24);
    assertThat(constant.issues).containsExactly(672, 696, 720, 744, 768, 792, 816, 840, 864, 888, 912, 936);
    assertThat(constant.fits).as("refit weekly").isEqualTo(2);
  }

  @Test
  void seasonalNaiveIsExactOnADailyCycleAndHoltWintersNearly() {
    List<Backtest.Result> results = new Backtest().run(Synthetic.series(Synthetic.values(24 * 60, Synthetic::dailySine)),
        List.of(SeasonalNaive.daily(), SeasonalNaive.weekly(), HoltWinters.fitted()));
    assertThat(results).extracting(Backtest.Result::forecaster)
        .containsExactly("seasonal-naive-24", "seasonal-naive-168", "holt-winters");
    assertThat(results.get(0).mapePercent()).isLessThan(1e-9);
    assertThat(results.get(1).mapePercent()).isLessThan(1e-9);
    assertThat(results.get(2).mapePercent()).isLessThan(0.01);
    assertThat(results).allSatisfy(r -> assertThat(r.forecasts()).isEqualTo(32));
  }

  @Test
  void hoursWithNoRecordedValueAreNotScored() {
    double[] values = Synthetic.values(24 * 30, t -> 100);
    Arrays.fill(values, 24 * 28 + 3, 24 * 28 + 8, Double.NaN); // 5 hours of the first forecast day
    Arrays.fill(values, 24 * 29, 24 * 30 - 1, Double.NaN); // all but the last hour of the second
    Backtest.Result r = new Backtest().run(Synthetic.series(values), List.of(new Constant(50))).getFirst();
    assertThat(r.forecasts()).isEqualTo(2);
    assertThat(r.hoursScored()).isEqualTo(19 + 1);
    assertThat(r.mapePercent()).isCloseTo(50, within(1e-9));
  }

  @Test
  void honoursTheIssueHourHorizonAndRefitInterval() {
    Constant constant = new Constant(1);
    Backtest backtest = new Backtest(Backtest.Options.defaults().withHorizon(48).withIssueHour(6)
        .withWarmUp(Duration.ofDays(2)).withRefitEvery(Duration.ZERO));
    Backtest.Result r = backtest.run(Synthetic.series(Synthetic.values(24 * 6, t -> 2)), List.of(constant)).getFirst();
    assertThat(constant.issues).containsExactly(54, 78); // 06:00 on days 3 and 4; day 5's would run past the end
    assertThat(constant.fits).isEqualTo(2);
    assertThat(r.hoursScored()).isEqualTo(96);
    assertThat(r.mapePercent()).isCloseTo(50, within(1e-9));
  }

  @Test
  void rejectsWarmUpsTooShortAndSeriesTooShort() {
    var series = Synthetic.series(Synthetic.values(24 * 30, t -> 100));
    assertThatThrownBy(() -> new Backtest(Backtest.Options.defaults().withWarmUp(Duration.ofDays(14)))
        .run(series, List.of(HoltWinters.fitted())))
        .hasMessageContaining("a warm-up of 336 h is shorter than the 504 h of history holt-winters needs");
    assertThatThrownBy(() -> new Backtest(Backtest.Options.defaults().withHorizon(72)).run(series, List.of(new Constant(1))))
        .hasMessageContaining("too short for a warm-up of 672 h and a 72 h forecast");
    assertThatThrownBy(() -> Backtest.Options.defaults().withIssueHour(24)).hasMessageContaining("0 to 23");
    assertThatThrownBy(() -> Backtest.Options.defaults().withHorizon(0)).hasMessageContaining("at least 1 hour");
  }
}
