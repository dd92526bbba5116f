package io.lowcarb.energy.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FixedIntensityTest {

  @Test
  void holdsAtAnyTime() throws Exception {
    FixedIntensity f = new FixedIntensity("FR", 56, IntensityKind.ANNUAL_AVERAGE, "table (2023)");
    IntensityPoint now = f.at(Instant.parse("2024-05-01T12:00:00Z"));
    assertThat(now.gPerKwh()).isEqualTo(56);
    assertThat(now.kind()).isEqualTo(IntensityKind.ANNUAL_AVERAGE);
    assertThat(now.covers(Instant.parse("2099-12-31T23:59:59Z"))).isTrue();
    assertThat(f.between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))).hasSize(1);
    assertThat(f.zone()).isEqualTo("FR");
    assertThat(f.source()).isEqualTo("table (2023)");
  }

  @Test
  void aUserFigureIsAnOverride() throws Exception {
    FixedIntensity f = FixedIntensity.override("ES", 0);
    assertThat(f.at(Instant.EPOCH).kind()).isEqualTo(IntensityKind.OVERRIDE);
    assertThat(f.source()).isEqualTo("--intensity");
  }

  @Test
  void refusesNegativeNaNAndInfiniteIntensities() {
    for (double bad : new double[] {-0.001, -400, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> FixedIntensity.override("ES", bad))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gCO2e/kWh");
    }
  }
}
