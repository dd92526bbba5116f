package io.lowcarb.advise;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.advise.hardware.HardwareCatalog;
import io.lowcarb.advise.hardware.Hardware;
import io.lowcarb.advise.region.Region;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

class RankingPropertiesTest {
  static final List<Hardware> HARDWARE = HardwareCatalog.builtIn().select(List.of("aws:*"));

  @Provide
  Arbitrary<List<Option>> options() {
    Arbitrary<Option> one = Combinators.combine(
            Arbitraries.integers().between(0, HARDWARE.size() - 1),
            Arbitraries.doubles().between(1e-6, 1e3).ofScale(8),
            Arbitraries.doubles().between(1e-6, 1e3).ofScale(8))
        .as((i, hours, kg) -> new Option(HARDWARE.get(i), new Region("r" + i, "r", 100, 1, "2023", "test"), hours,
            hours, kg, new io.lowcarb.energy.EnergyBasis(io.lowcarb.energy.EnergyBasis.Obtained.ESTIMATED, 30), false,
            List.of()));
    return one.list().ofMinSize(1).ofMaxSize(40);
  }

  @Property
  void byCo2AndByTimeAreSorted(@ForAll("options") List<Option> options) {
    assertThat(Ranking.rank(options, Rank.CO2, 0.5)).extracting(Option::emissionsKg).isSorted();
    assertThat(Ranking.rank(options, Rank.TIME, 0.5)).extracting(Option::hours).isSorted();
    assertThat(Ranking.rank(options, Rank.COST, 0.5)).containsExactlyInAnyOrderElementsOf(options);
  }

  @Property
  void theCostRanksAsCo2AtWeightOneAndAsTimeAtZero(@ForAll("options") List<Option> options) {
    assertThat(Ranking.rank(options, Rank.COST, 1)).extracting(Option::emissionsKg).isSorted();
    assertThat(Ranking.rank(options, Rank.COST, 0)).extracting(Option::hours).isSorted();
  }

  @Property
  void theCheapestIsNeverBeatenOnBothCo2AndTime(@ForAll("options") List<Option> options,
      @ForAll @DoubleRange(min = 0, max = 1) double weight) {
    Option best = Ranking.rank(options, Rank.COST, weight).getFirst();
    assertThat(options).noneMatch(o -> o.emissionsKg() < best.emissionsKg() && o.hours() < best.hours());
  }

  @Property
  void theCheapestLiesBetweenTheTwoBestsInCo2AndTime(@ForAll("options") List<Option> options,
      @ForAll @DoubleRange(min = 0, max = 1) double weight) {
    Option best = Ranking.rank(options, Rank.COST, weight).getFirst();
    Option greenest = Ranking.rank(options, Rank.CO2, 0).getFirst();
    Option fastest = Ranking.rank(options, Rank.TIME, 0).getFirst();
    assertThat(best.emissionsKg()).isBetween(greenest.emissionsKg(), fastest.emissionsKg());
    assertThat(best.hours()).isBetween(fastest.hours(), greenest.hours());
    List<Option> copy = new ArrayList<>(options);
    assertThat(Ranking.rank(copy, Rank.COST, weight).getFirst()).isEqualTo(best);
  }
}
