package io.lowcarb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.track.Point;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Thinning keeps what a series says: the energy under a power curve, a cumulative series' own points. */
class ThinningTest {
  /** A power series with uneven intervals from x = 0. */
  static List<Point> power(List<Double> watts, List<Double> intervals) {
    List<Point> p = new ArrayList<>();
    double x = 0;
    for (int i = 0; i < watts.size(); i++) {
      x += intervals.get(i % intervals.size());
      p.add(new Point(x, watts.get(i)));
    }
    return p;
  }

  static double joules(List<Point> power) {
    double j = 0;
    double x = 0;
    for (Point p : power) {
      j += p.y() * (p.x() - x);
      x = p.x();
    }
    return j;
  }

  @Property
  void averagingPowerKeepsTheEnergyAndTheEndAndFitsTheLimit(
      @ForAll @Size(min = 1, max = 3000) List<@DoubleRange(min = 0, max = 400) Double> watts,
      @ForAll @Size(min = 1, max = 7) List<@DoubleRange(min = 0.1, max = 5) Double> intervals,
      @ForAll @IntRange(min = 1, max = 1200) int max) {
    List<Point> power = power(watts, intervals);
    List<Point> thin = Thinning.meanPower(power, max);
    assertThat(thin.size()).isLessThanOrEqualTo(max);
    assertThat(joules(thin)).isCloseTo(joules(power), within(1e-9 * Math.max(1, joules(power))));
    assertThat(thin.getLast().x()).isEqualTo(power.getLast().x());
    for (Point p : thin) {
      assertThat(p.y()).isBetween(0.0, 400.0 + 1e-9);
    }
  }

  @Property
  void samplingACumulativeSeriesKeepsItsOwnPointsAndItsLast(
      @ForAll @Size(min = 1, max = 3000) List<@DoubleRange(min = 0, max = 1) Double> steps,
      @ForAll @IntRange(min = 2, max = 1200) int max) {
    List<Point> levels = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < steps.size(); i++) {
      total += steps.get(i);
      levels.add(new Point(i + 1, total));
    }
    List<Point> thin = Thinning.sample(levels, max);
    assertThat(thin.size()).isLessThanOrEqualTo(max);
    assertThat(levels).containsAll(thin);
    assertThat(thin.getLast()).isEqualTo(levels.getLast());
    assertThat(thin.getFirst()).isEqualTo(levels.getFirst());
  }

  @Example
  void shortSeriesAreLeftAlone() {
    List<Point> p = List.of(new Point(1, 10), new Point(2, 20));
    assertThat(Thinning.meanPower(p, 2)).isSameAs(p);
    assertThat(Thinning.sample(p, 2)).isSameAs(p);
  }

  @Example
  void twoSecondsAt10WAndOneAt40WAverageTo20W() {
    List<Point> p = List.of(new Point(2, 10), new Point(3, 40), new Point(4, 5));
    assertThat(Thinning.meanPower(p, 2)).containsExactly(new Point(3, 20), new Point(4, 5));
  }
}
