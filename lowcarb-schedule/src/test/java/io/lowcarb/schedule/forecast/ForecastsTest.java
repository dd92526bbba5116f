package io.lowcarb.schedule.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.Clock;
import io.lowcarb.energy.carbon.IntensityKind;
import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.IntensitySeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastsTest {
  static final Instant MADE = Instant.parse("2024-03-01T12:34:56Z");
  static final Clock CLOCK = new Clock() {
    @Override
    public Instant wallTime() {
      return MADE;
    }

    @Override
    public long monotonicNanos() {
      return 0;
    }
  };

  @Test
  void extendsASeriesWithHourlyForecastPoints() {
    IntensitySeries series = Synthetic.series(Synthetic.values(24 * 30, Synthetic::dailySine));
    Instant from = series.end();
    List<IntensityPoint> points = Forecasts.extend(series, from, from.plus(Duration.ofHours(24)), SeasonalNaive.daily(), CLOCK);
    assertThat(points).hasSize(24);
    for (int k = 0; k < 24; k++) {
      IntensityPoint p = points.get(k);
      assertThat(p.start()).isEqualTo(from.plus(Duration.ofHours(k)));
      assertThat(p.duration()).isEqualTo(Duration.ofHours(1));
      assertThat(p.kind()).isEqualTo(IntensityKind.FORECAST);
      assertThat(p.fetchedAt()).isEqualTo(MADE);
      assertThat(p.gPerKwh()).isCloseTo(Synthetic.dailySine(24 * 30 + k), within(1e-9));
    }
    assertThat(points.getFirst().source())
        .isEqualTo("seasonal-naive-24 forecast from synthetic.csv up to 2024-01-31T00:00:00Z");
  }

  @Test
  void usesOnlyTheHistoryBeforeTheStartAndRoundsTheEndUp() {
    double[] values = Synthetic.values(24 * 40, t -> Synthetic.dailyAndWeekly(t) + t % 7);
    IntensitySeries series = Synthetic.series(values);
    Instant from = Synthetic.START.plus(Duration.ofHours(24 * 30 + 5));
    List<IntensityPoint> points = Forecasts.extend(series, from, from.plus(Duration.ofMinutes(90)), HoltWinters.fitted());
    double[] expected = HoltWinters.fitted().forecast(Arrays.copyOf(values, 24 * 30 + 5), 2);
    assertThat(points).extracting(IntensityPoint::gPerKwh).containsExactly(expected[0], expected[1]);
  }

  @Test
  void aGapBeforeTheStartIsMissingHistory() {
    double[] values = Synthetic.values(24 * 30, Synthetic::dailySine);
    Instant from = Synthetic.START.plus(Duration.ofHours(24 * 30 + 3)); // 3 hours after the data ends
    List<IntensityPoint> points = Forecasts.extend(Synthetic.series(values), from, from.plus(Duration.ofHours(3)),
        SeasonalNaive.daily());
    assertThat(points).extracting(IntensityPoint::gPerKwh)
        .containsExactly(values[24 * 29 + 3], values[24 * 29 + 4], values[24 * 29 + 5]);
  }

  @Test
  void averagesShorterPeriodsIntoHours() {
    Instant t0 = Synthetic.START;
    IntensitySeries halfHourly = new IntensitySeries("GB", "half-hourly", List.of(
        point(t0, 30, 100), point(t0.plusSeconds(1800), 30, 200),
        point(t0.plusSeconds(3600), 30, 300), // the second half of hour 1 is missing
        point(t0.plusSeconds(3 * 3600), 90, 50))); // hour 3 and half of hour 4
    double[] hourly = Forecasts.hourly(halfHourly, t0, t0.plusSeconds(6 * 3600));
    assertThat(hourly).containsExactly(150, 300, Double.NaN, 50, 50, Double.NaN);
    assertThat(Forecasts.hourly(halfHourly, t0.plusSeconds(3600), t0.plusSeconds(3600))).isEmpty();
  }

  @Test
  void aHalfHourlySeriesGetsHalfHourlyForecastsWithADailyCycleOf48() {
    // 30 days of half hours: a daily sine, sampled every 30 minutes.
    double[] values = Synthetic.values(48 * 30, t -> 200 + 50 * Math.sin(2 * Math.PI * t / 48));
    IntensitySeries series = Synthetic.series(values, Duration.ofMinutes(30));
    assertThat(Forecasts.step(series)).isEqualTo(Duration.ofMinutes(30));
    Instant from = series.end();
    List<IntensityPoint> naive = Forecasts.extend(series, from, from.plus(Duration.ofHours(24)), SeasonalNaive.daily(), CLOCK);
    assertThat(naive).hasSize(48).allMatch(p -> p.duration().equals(Duration.ofMinutes(30)));
    for (int k = 0; k < 48; k++) {
      assertThat(naive.get(k).start()).isEqualTo(from.plus(Duration.ofMinutes(30L * k)));
      assertThat(naive.get(k).gPerKwh()).isCloseTo(values[48 * 29 + k], within(1e-9)); // the same half hour yesterday
    }
    assertThat(naive.getFirst().source()).startsWith("seasonal-naive-24 forecast");

    List<IntensityPoint> model = Forecasts.extend(series, from, from.plus(Duration.ofHours(12)), HoltWinters.fitted(), CLOCK);
    assertThat(model).hasSize(24);
    for (int k = 0; k < 24; k++) { // a clean daily cycle of 48 periods is learned, not smeared over 24
      assertThat(model.get(k).gPerKwh()).isCloseTo(200 + 50 * Math.sin(2 * Math.PI * (48 * 30 + k) / 48), within(5.0));
    }
  }

  @Test
  void aSeriesThatTurnsQuarterHourlyIsForecastInQuarterHours() {
    List<IntensityPoint> points = new java.util.ArrayList<>(
        Synthetic.series(Synthetic.values(24 * 10, Synthetic::dailySine)).points());
    Instant switchAt = points.getLast().end();
    for (int q = 0; q < 4 * 24 * 2; q++) {
      points.add(new IntensityPoint(switchAt.plus(Duration.ofMinutes(15L * q)), Duration.ofMinutes(15),
          Synthetic.dailySine(240 + q / 4), IntensityKind.SERIES, "switch.csv", switchAt));
    }
    IntensitySeries series = new IntensitySeries("GB", "switch.csv", points);
    assertThat(Forecasts.step(series)).isEqualTo(Duration.ofMinutes(15));
    Instant from = series.end();
    List<IntensityPoint> out = Forecasts.extend(series, from, from.plus(Duration.ofMinutes(50)), SeasonalNaive.daily(), CLOCK);
    assertThat(out).extracting(IntensityPoint::duration).containsOnly(Duration.ofMinutes(15)).hasSize(4);
    // The history is resampled onto quarter hours: the hourly part repeats each hour's value four times.
    double[] history = Forecasts.resample(series, series.first(), from, Duration.ofMinutes(15));
    assertThat(history).hasSize(4 * 24 * 12);
    assertThat(history[0]).isEqualTo(history[3]).isEqualTo(Synthetic.dailySine(0));
    assertThatThrownBy(() -> Forecasts.extend(series, series.first().plus(Duration.ofDays(2)), from, HoltWinters.fitted()))
        .hasMessageContaining("holt-winters needs at least 2016 periods of PT15M of history, got 192");
  }

  @Test
  void forecastersMoveToAnotherStepKeepingTheirSeasonsInTime() {
    assertThat(SeasonalNaive.daily().atStep(Duration.ofMinutes(30))).isEqualTo(new SeasonalNaive(48, Duration.ofMinutes(30)));
    assertThat(SeasonalNaive.weekly().atStep(Duration.ofDays(1)).period()).isEqualTo(7);
    assertThat(SeasonalNaive.daily().atStep(Duration.ofMinutes(30)).name()).isEqualTo("seasonal-naive-24");
    assertThatThrownBy(() -> SeasonalNaive.daily().atStep(Duration.ofMinutes(7))).hasMessageContaining("whole number");
    HoltWinters halfHourly = HoltWinters.fitted().atStep(Duration.ofMinutes(30));
    assertThat(halfHourly.step()).isEqualTo(Duration.ofMinutes(30));
    assertThat(halfHourly.minimumHistory()).isEqualTo(3 * 7 * 48);
    assertThat(halfHourly.window()).isEqualTo(HoltWinters.DEFAULT_WINDOW * 2);
    HoltWinters hourly = HoltWinters.fitted();
    assertThat(hourly.atStep(Duration.ofHours(1))).isSameAs(hourly);
    assertThatThrownBy(() -> HoltWinters.fitted().atStep(Duration.ofMinutes(7))).hasMessageContaining("divide a day");
  }

  private static IntensityPoint point(Instant start, int minutes, double value) {
    return new IntensityPoint(start, Duration.ofMinutes(minutes), value, IntensityKind.SERIES, "half-hourly", start);
  }

  @Test
  void rejectsRangesItCannotForecast() {
    IntensitySeries series = Synthetic.series(Synthetic.values(24 * 30, Synthetic::dailySine));
    Instant end = series.end();
    assertThatThrownBy(() -> Forecasts.extend(series, end, end, SeasonalNaive.daily()))
        .hasMessageContaining("must end after it starts");
    assertThatThrownBy(() -> Forecasts.extend(series, series.first(), end, SeasonalNaive.daily()))
        .hasMessageContaining("no history before");
    Instant early = series.first().plus(Duration.ofDays(2));
    assertThatThrownBy(() -> Forecasts.extend(series, early, early.plusSeconds(3600), HoltWinters.fitted()))
        .hasMessageContaining("holt-winters needs at least 504 hours of history, got 48");
  }
}
