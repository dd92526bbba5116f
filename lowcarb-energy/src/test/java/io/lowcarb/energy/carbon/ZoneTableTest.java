package io.lowcarb.energy.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ZoneTableTest {
  final ZoneTable table = ZoneTable.builtIn();

  @Test
  void everyRowHasAFigureASourceAndAYear() {
    assertThat(table.entries()).hasSizeGreaterThan(300);
    assertThat(table.entries()).allSatisfy(z -> {
      assertThat(z.gPerKwh()).isGreaterThanOrEqualTo(0);
      assertThat(z.source()).isNotBlank();
      assertThat(z.year()).matches("\\d{4}");
    });
  }

  @Test
  void countriesAndCloudRegions() {
    assertThat(table.find("es").orElseThrow().name()).isEqualTo("Spain");
    assertThat(table.find("NO").orElseThrow().gPerKwh()).isLessThan(100);
    assertThat(table.find("WORLD")).isPresent();
    ZoneEntry ireland = table.find("aws:eu-west-1").orElseThrow();
    assertThat(ireland.pue()).hasValue(1.2);
    assertThat(table.find("gcp:europe-west1").orElseThrow().pue()).isPresent();
    assertThat(table.find("azure:westeurope")).isPresent();
    assertThat(table.find("atlantis")).isEmpty();
  }

  @Test
  void anEntryIsAnAnnualAverageProvider() throws Exception {
    IntensityPoint p = table.find("ES").orElseThrow().provider().at(Instant.now());
    assertThat(p.kind()).isEqualTo(IntensityKind.ANNUAL_AVERAGE);
    assertThat(p.source()).contains("Our World in Data");
  }

  @Test
  void intensityCannotBeNegative() {
    assertThatThrownBy(() -> FixedIntensity.override("X", -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FixedIntensity.override("X", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
