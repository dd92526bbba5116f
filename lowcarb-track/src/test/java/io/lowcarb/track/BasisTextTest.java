package io.lowcarb.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.energy.EnergyBasis;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BasisTextTest {
  @Test
  void aMethodAndItsUncertaintyReadBesideTheFigure() {
    assertThat(BasisText.of(Optional.of(EnergyBasis.Obtained.ESTIMATED), 30)).isEqualTo("estimated ±30 %");
    assertThat(BasisText.of(Optional.of(EnergyBasis.Obtained.MEASURED), 5)).isEqualTo("measured ±5.0 %");
    assertThat(BasisText.of(new EnergyFigure("cpu", 1, "rapl", "rapl:package-0", 10))).isEqualTo("rapl ±10 %");
  }

  @Test
  void whatIsNotKnownReadsAsADashNeverANumber() {
    assertThat(BasisText.of(Optional.of(EnergyBasis.Obtained.MIXED), Double.NaN)).isEqualTo("mixed ± -");
    assertThat(BasisText.of(Optional.empty(), Double.NaN)).isEqualTo("- ± -");
    Footprint imported = new Footprint(List.of(new EnergyFigure("cpu", 0.1, "codecarbon", "codecarbon")), 0.1, 0.01,
        100, "FRA", "CodeCarbon", "average", 1);
    assertThat(BasisText.of(imported)).isEqualTo("codecarbon ± -");
    Footprint none = new Footprint(List.of(), 0.1, 0.01, 100, "FRA", "CodeCarbon", "average", 1);
    assertThat(BasisText.of(none)).isEqualTo("- ± -");
  }
}
