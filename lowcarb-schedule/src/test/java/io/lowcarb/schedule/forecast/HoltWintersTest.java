package io.lowcarb.schedule.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HoltWintersTest {

  private static double meanAbsoluteError(double[] forecast, double[] all, int from) {
    double sum = 0;
    for (int k = 0; k < forecast.length; k++) {
      sum += Math.abs(forecast[k] - all[from + k]);
    }
    return sum / forecast.length;
  }

  @Test
  void forecastsAPureDailyCycleAlmostExactly() {
    double[] all = Synthetic.values(24 * 50, Synthetic::dailySine);
    double[] history = Arrays.copyOf(all, 24 * 48);
    double[] forecast = HoltWinters.fitted().forecast(history, 48);
    assertThat(forecast).containsExactly(Arrays.copyOfRange(all, 24 * 48, 24 * 50), within(1e-6));
  }

  @Test
  void learnsTheWeekendThatYesterdayMisses() {
    double[] all = Synthetic.values(168 * 7, Synthetic::dailyAndWeekly);
    int issue = 168 * 6 + 120; // Saturday 00:00
    double[] history = Arrays.copyOf(all, issue);
    double holtWinters = meanAbsoluteError(HoltWinters.fitted().forecast(history, 24), all, issue);
    double yesterday = meanAbsoluteError(SeasonalNaive.daily().forecast(history, 24), all, issue);
    assertThat(yesterday).isCloseTo(40, within(1e-9));
    assertThat(holtWinters).isLessThan(0.01);
  }

  @Test
  void followsALevelShift() {
    int shift = 168 * 5;
    double[] all = Synthetic.values(168 * 6, t -> Synthetic.dailySine(t) + (t >= shift ? 100 : 0));
    int issue = shift + 72;
    double[] history = Arrays.copyOf(all, issue);
    double error = meanAbsoluteError(HoltWinters.fitted().forecast(history, 24), all, issue);
    assertThat(error).as("mean error after a +100 shift, in gCO2e/kWh").isLessThan(5);
  }

  @Test
  void carriesThroughMissingHours() {
    double[] all = Synthetic.values(24 * 50, Synthetic::dailyAndWeekly);
    double[] history = Arrays.copyOf(all, 24 * 48);
    Random random = new Random(7);
    for (int t = 0; t < history.length; t++) {
      if (random.nextDouble() < 0.1) {
        history[t] = Double.NaN;
      }
    }
    Arrays.fill(history, history.length - 12, history.length, Double.NaN); // the latest half-day is late
    double[] forecast = HoltWinters.fitted().forecast(history, 48);
    assertThat(meanAbsoluteError(forecast, all, 24 * 48)).isLessThan(0.5);
  }

  @Test
  void forecastsEqualThoseOfTheModelFittedToTheSameHistory() {
    double[] history = Synthetic.values(168 * 6, t -> Synthetic.dailyAndWeekly(t) + 20 * Math.sin(t / 37.0));
    HoltWinters model = HoltWinters.fitted();
    HoltWinters fitted = model.fit(history);
    assertThat(model.parameters()).isEmpty();
    assertThat(fitted.parameters()).isPresent();
    assertThat(fitted.fit(history)).isSameAs(fitted);
    assertThat(fitted.forecast(history, 24)).containsExactly(model.forecast(history, 24));
    assertThat(fitted.name()).isEqualTo("holt-winters");
  }

  @Test
  void fixedParametersSmoothWithoutFitting() {
    double[] history = Synthetic.values(168 * 3, Synthetic::dailySine);
    HoltWinters model = HoltWinters.withParameters(new HoltWinters.Parameters(0.1, 0.1, 0.05, 0.9), 168 * 2);
    assertThat(model.minimumHistory()).isEqualTo(336);
    assertThat(model.forecast(Arrays.copyOfRange(history, 168, 168 * 3), 24))
        .containsExactly(model.forecast(history, 24));
  }

  @Test
  void clampsForecastsAtZero() {
    // two weeks at 300 with Saturdays at 0, then the level falls: the additive Saturday dips below 0
    double[] history = Synthetic.values(168 * 2 + 48, t -> t >= 336 ? 150 : t % 168 >= 120 && t % 168 < 144 ? 0 : 300);
    HoltWinters model = HoltWinters.withParameters(new HoltWinters.Parameters(0.5, 0, 0, 0), history.length);
    double[] forecast = model.forecast(history, 168);
    assertThat(Arrays.stream(forecast).min().orElseThrow()).isEqualTo(0);
    assertThat(forecast[0]).isCloseTo(150.0, within(1.0));
  }

  @Test
  void rejectsBadSettingsAndHistories() {
    assertThatThrownBy(() -> new HoltWinters.Parameters(0.1, 1.5, 0, 0))
        .hasMessageContaining("delta must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> HoltWinters.fitted(400, 24)).hasMessageContaining("at least 504 hours");
    assertThatThrownBy(() -> HoltWinters.fitted().forecast(new double[300], 24))
        .hasMessageContaining("holt-winters needs at least 504 hours of history, got 300");
    double[] missing = new double[600];
    Arrays.fill(missing, Double.NaN);
    assertThatThrownBy(() -> HoltWinters.fitted().forecast(missing, 24))
        .hasMessageContaining("the last 600 hours of history hold no values");
  }
}
