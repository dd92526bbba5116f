package io.lowcarb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The Pareto front of (CO2e to minimise, accuracy to maximise) points. */
class ParetoFrontTest {
  record Trial(double grams, double accuracy) {}

  private static List<Trial> front(List<Trial> trials) {
    return ParetoFront.of(trials, Trial::grams, Trial::accuracy);
  }

  private static boolean dominates(Trial a, Trial b) {
    return ParetoFront.dominates(a, b, Trial::grams, Trial::accuracy);
  }

  @Provide
  Arbitrary<List<Trial>> trials() {
    // Coarse values, so that ties in cost, in score and whole duplicates are common.
    Arbitrary<Double> grams = Arbitraries.integers().between(0, 40).map(i -> i * 0.5);
    Arbitrary<Double> accuracy = Arbitraries.integers().between(80, 100).map(i -> i / 100.0);
    return Combinators.combine(grams, accuracy).as(Trial::new).list().ofMaxSize(40);
  }

  @Property
  void noPointOnTheFrontIsDominated(@ForAll("trials") List<Trial> trials) {
    for (Trial onFront : front(trials)) {
      assertThat(trials).noneMatch(t -> dominates(t, onFront));
    }
  }

  @Property
  void everyPointOffTheFrontIsDominatedByOneOnIt(@ForAll("trials") List<Trial> trials) {
    List<Trial> front = front(trials);
    for (Trial t : trials) {
      if (!front.contains(t)) {
        assertThat(front).as("%s is off the front", t).anyMatch(f -> dominates(f, t));
      }
    }
  }

  @Property
  void theFrontIsASubsetByRisingCostAndRisingAccuracy(@ForAll("trials") List<Trial> trials) {
    List<Trial> front = front(trials);
    assertThat(trials).containsAll(front);
    assertThat(front.isEmpty()).isEqualTo(trials.isEmpty());
    for (int i = 1; i < front.size(); i++) {
      assertThat(front.get(i).grams()).isGreaterThanOrEqualTo(front.get(i - 1).grams());
      assertThat(front.get(i).accuracy()).isGreaterThanOrEqualTo(front.get(i - 1).accuracy());
    }
  }

  @Example
  void aCheaperAndBetterRunPushesOthersOff() {
    Trial cheapGood = new Trial(1, 0.97);
    Trial dearBetter = new Trial(5, 0.99);
    Trial dearWorse = new Trial(6, 0.96);
    Trial sameAsCheap = new Trial(1, 0.97);
    Trial cheapWorse = new Trial(1, 0.95);
    assertThat(front(List.of(dearWorse, dearBetter, cheapWorse, cheapGood, sameAsCheap)))
        .containsExactly(cheapGood, sameAsCheap, dearBetter);
  }

  @Example
  void pointsWithoutAFigureAreLeftOut() {
    assertThat(front(List.of(new Trial(Double.NaN, 0.99), new Trial(2, 0.9)))).containsExactly(new Trial(2, 0.9));
  }
}
