package io.lowcarb.train.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {
  @Test
  void studentsTNarrowsTowardsTheNormal() {
    assertThat(Spread.t975(1)).isEqualTo(12.706);
    assertThat(Spread.t975(9)).isEqualTo(2.262);
    assertThat(Spread.t975(31)).isBetween(2.03, 2.042);
    assertThat(Spread.t975(10_000)).isCloseTo(1.96, within(0.001));
  }

  @Test
  void aPredictionIntervalOfAMean() {
    double[] samples = {9, 11, 9, 11}; // mean 10, sd 1.1547
    double expected = 3.182 * (1.1547005 / 10) * Math.sqrt(1.0 / 4 + 1.0 / 4);
    assertThat(Spread.relativeHalfWidth(samples, 4)).isCloseTo(expected, within(1e-6));
    assertThat(Spread.relativeHalfWidth(samples, 4, 3)).isCloseTo(expected * Math.sqrt(3), within(1e-6));
    assertThat(Spread.relativeHalfWidth(new double[] {5}, 10)).isNaN();
    assertThat(Spread.relativeHalfWidth(new double[] {0, 0}, 10)).isZero();
  }

  @Test
  void drawsThatDriftTogetherCountForFewer() {
    // alternating: negatively correlated, taken as independent
    assertThat(Spread.inflation(List.of(new double[] {1, 2, 1, 2, 1, 2, 1, 2}))).isEqualTo(1);
    // a steady climb (the machine's load growing): strongly correlated
    assertThat(Spread.inflation(List.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}))).isGreaterThan(3);
    // the correlation is taken within runs, not across the seam between two of them
    double[] up = {1, 1, 1, 1, 1};
    double[] down = {2, 2, 2, 2, 2};
    assertThat(Spread.inflation(List.of(up, down))).isGreaterThan(Spread.inflation(List.of(new double[] {1, 2, 1, 2, 1, 2, 1, 2, 1, 2})));
    assertThat(Spread.inflation(List.of(new double[] {3, 3}))).isEqualTo(1);
  }
}
