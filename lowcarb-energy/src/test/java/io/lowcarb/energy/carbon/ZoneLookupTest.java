package io.lowcarb.energy.carbon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZoneLookupTest {
  final ZoneTable table = ZoneTable.builtIn();

  @Test
  void theZonesTheDocsNameAreThere() {
    assertThat(table.find("ES")).hasValueSatisfying(z -> assertThat(z.pue()).isEmpty());
    assertThat(table.find("NO")).isPresent();
    assertThat(table.find("WORLD")).isPresent();
    assertThat(table.find("aws:eu-west-1")).hasValueSatisfying(z -> assertThat(z.pue()).isPresent());
  }

  @Test
  void lookupIgnoresCaseAndSurroundingSpace() {
    ZoneEntry es = table.find("ES").orElseThrow();
    assertThat(table.find("es")).contains(es);
    assertThat(table.find(" Es ")).contains(es);
    assertThat(table.find("AWS:EU-WEST-1")).contains(table.find("aws:eu-west-1").orElseThrow());
  }

  @Test
  void everyRowIsCitedDatedAndNotNegative() {
    assertThat(table.entries()).isNotEmpty().allSatisfy(z -> {
      assertThat(z.zone()).isNotBlank();
      assertThat(z.source()).isNotBlank();
      assertThat(z.year()).isNotBlank();
      assertThat(z.gPerKwh()).isGreaterThanOrEqualTo(0);
      z.pue().ifPresent(p -> assertThat(p).isGreaterThanOrEqualTo(1.0));
    });
  }

  @Test
  void aRowsProviderCitesItsSourceAndYear() throws Exception {
    ZoneEntry es = table.find("ES").orElseThrow();
    CarbonIntensityProvider p = es.provider();
    assertThat(p.zone()).isEqualTo("ES");
    assertThat(p.source()).isEqualTo(es.source() + " (" + es.year() + ")");
    assertThat(p.at(java.time.Instant.EPOCH).gPerKwh()).isEqualTo(es.gPerKwh());
  }
}
