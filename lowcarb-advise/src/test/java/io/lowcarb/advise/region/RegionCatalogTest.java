package io.lowcarb.advise.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionCatalogTest {
  final RegionCatalog catalog = RegionCatalog.builtIn();

  @Test
  void globsChooseCloudRegionsWithTheirPue() {
    List<Region> aws = catalog.select(List.of("aws:*"));
    assertThat(aws).hasSizeGreaterThan(20).allSatisfy(r -> {
      assertThat(r.provider()).contains("aws");
      assertThat(r.pue()).isEqualTo(1.2);
    });
    assertThat(catalog.select(List.of("gcp:europe-*"))).isNotEmpty()
        .allSatisfy(r -> assertThat(r.zone()).startsWith("gcp:europe-"));
    assertThat(catalog.cloud()).hasSizeGreaterThan(100);
  }

  @Test
  void aGridZoneHasNoDataCentreOverheadAndIsItsOwnGrid() {
    Region es = catalog.select(List.of("ES")).getFirst();
    assertThat(es.pue()).isEqualTo(1.0);
    assertThat(es.grid()).isEqualTo("ES");
    assertThat(catalog.select(List.of("aws:eu-south-2")).getFirst().grid()).isEqualTo("ES");
  }

  @Test
  void anUnknownRegionListsCloseMatches() {
    assertThatThrownBy(() -> catalog.select(List.of("aws:eu-north-9")))
        .hasMessageStartingWith("unknown region 'aws:eu-north-9'; close matches: aws:eu-north-1");
  }
}
