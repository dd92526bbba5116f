package io.lowcarb.schedule.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeasonalNaiveTest {

  @Test
  void repeatsYesterdayExactlyOnADailyCycle() {
    double[] all = Synthetic.values(24 * 10, Synthetic::dailySine);
    double[] history = Arrays.copyOf(all, 24 * 8);
    double[] forecast = SeasonalNaive.daily().forecast(history, 48);
    assertThat(forecast).containsExactly(Arrays.copyOfRange(all, 24 * 8, 24 * 10), within(1e-9));
  }

  @Test
  void repeatsLastWeekExactlyOnAWeeklyCycle() {
    double[] all = Synthetic.values(168 * 5, Synthetic::dailyAndWeekly);
    double[] history = Arrays.copyOf(all, 168 * 3 + 100);
    double[] forecast = SeasonalNaive.weekly().forecast(history, 168);
    assertThat(forecast).containsExactly(Arrays.copyOfRange(all, history.length, history.length + 168), within(1e-9));
    assertThat(SeasonalNaive.daily().forecast(history, 168)).isNotEqualTo(forecast);
  }

  @Test
  void aMissingHourTakesTheSameHourAPeriodEarlier() {
    double[] history = Synthetic.values(72, t -> t);
    history[71 - 23] = Double.NaN; // yesterday's hour 0 of the forecast
    assertThat(SeasonalNaive.daily().forecast(history, 2)).containsExactly(24, 49);
  }

  @Test
  void aPhaseWithNoValueTakesTheLatestValue() {
    double[] history = {Double.NaN, 5, 7, Double.NaN};
    assertThat(new SeasonalNaive(2).forecast(history, 4)).containsExactly(7, 5, 7, 5);
    assertThat(new SeasonalNaive(4).forecast(history, 2)).containsExactly(7, 5);
  }

  @Test
  void namesItsPeriod() {
    assertThat(SeasonalNaive.daily().name()).isEqualTo("seasonal-naive-24");
    assertThat(SeasonalNaive.weekly().name()).isEqualTo("seasonal-naive-168");
  }

  @Test
  void rejectsShortOrBadHistories() {
    assertThatThrownBy(() -> SeasonalNaive.weekly().forecast(new double[100], 24))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seasonal-naive-168 needs at least 168 hours of history, got 100");
    assertThatThrownBy(() -> SeasonalNaive.daily().forecast(new double[24], 0))
        .hasMessageContaining("at least 1 hour");
    double[] negative = new double[24];
    negative[3] = -1;
    assertThatThrownBy(() -> SeasonalNaive.daily().forecast(negative, 1))
        .hasMessageContaining("finite and >= 0").hasMessageContaining("at hour 3");
    double[] empty = new double[24];
    Arrays.fill(empty, Double.NaN);
    assertThatThrownBy(() -> SeasonalNaive.daily().forecast(empty, 1)).hasMessageContaining("holds no values");
    assertThatThrownBy(() -> new SeasonalNaive(0)).hasMessageContaining("at least 1 hour");
  }
}
