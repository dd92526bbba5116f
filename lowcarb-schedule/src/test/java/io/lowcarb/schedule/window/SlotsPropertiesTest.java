package io.lowcarb.schedule.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.carbon.IntensityKind;
import io.lowcarb.energy.carbon.IntensityPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Step series of mixed resolutions on grids: resampling is exact, and plans never enter a gap. */
class SlotsPropertiesTest {
  private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");

  /** A step series from (length, value) pairs, lengths in multiples of {@code unit} seconds, with holes where asked. */
  private static List<IntensityPoint> series(List<Integer> lengths, long seed, int unit, boolean holes) {
    Random random = new Random(seed);
    List<IntensityPoint> points = new ArrayList<>();
    long t = 0;
    for (int length : lengths) {
      long seconds = (long) length * unit;
      points.add(new IntensityPoint(T0.plusSeconds(t), Duration.ofSeconds(seconds), random.nextInt(900),
          IntensityKind.SERIES, "test", T0));
      t += seconds;
      if (holes && random.nextInt(4) == 0) {
        t += (long) (1 + random.nextInt(3 * length)) * unit; // a short hole (held) or a gap
      }
    }
    return points;
  }

  /** The integral of the step function over [a, b) seconds after T0, holes read as the value before them. */
  private static double integral(List<IntensityPoint> points, long a, long b) {
    double sum = 0;
    for (int i = 0; i < points.size(); i++) {
      long s = points.get(i).start().getEpochSecond() - T0.getEpochSecond();
      long e = i + 1 < points.size() ? points.get(i + 1).start().getEpochSecond() - T0.getEpochSecond()
          : s + points.get(i).duration().toSeconds();
      long x = Math.max(a, s);
      long y = Math.min(b, e);
      if (y > x) {
        sum += points.get(i).gPerKwh() * (y - x);
      }
    }
    return sum;
  }

  @Property(tries = 300)
  void resamplingAStepSeriesOntoAnyFinerGridLeavesEveryWindowAverageUnchanged(
      @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 1, max = 8) Integer> lengths,
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int finer,
      @ForAll boolean holes,
      @ForAll @IntRange(min = 0, max = 10_000) int fromDraw,
      @ForAll @IntRange(min = 0, max = 10_000) int lengthDraw) {
    int unit = 300; // five minutes; lengths from 5 to 40 minutes, changing from point to point
    List<IntensityPoint> points = series(lengths, seed, unit, holes);
    Slots finest = Slots.from(points);
    for (IntensityPoint p : points) { // every start lies on the finest grid
      assertThat(Duration.between(T0, p.start()).toSeconds() % finest.step().toSeconds()).isZero();
    }
    Duration step = finest.step().dividedBy(finer);
    Slots fine = Slots.from(points, Slots.Interpolation.STEP, step);
    assertThat(fine.size()).isEqualTo(finest.size() * finer);
    assertThat(fine.gaps()).isEqualTo(finest.gaps());

    long span = Duration.between(finest.start(), finest.end()).toSeconds();
    long a = fromDraw % span;
    long b = a + 1 + lengthDraw % (span - a);
    double expected = integral(points, a, b) / (b - a);
    Instant from = T0.plusSeconds(a);
    Instant to = T0.plusSeconds(b);
    assertThat(finest.mean(from, to)).isCloseTo(expected, within(1e-7));
    assertThat(fine.mean(from, to)).isCloseTo(expected, within(1e-7));
  }

  @Property(tries = 300)
  void theContiguousSearchIsExactAndNeverEntersAGap(
      @ForAll @Size(min = 2, max = 20) List<@IntRange(min = 1, max = 6) Integer> lengths,
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 1000) int earliestDraw,
      @ForAll @IntRange(min = 0, max = 1000) int windowDraw,
      @ForAll @IntRange(min = 0, max = 1000) int durationDraw) {
    List<IntensityPoint> points = series(lengths, seed, 1, true);
    Slots slots = Slots.from(points);
    int total = (int) Duration.between(slots.start(), slots.end()).toSeconds();
    int earliest = earliestDraw % total;
    int window = 1 + windowDraw % (total - earliest);
    int duration = 1 + durationDraw % window;
    double best = Double.POSITIVE_INFINITY;
    for (int t = earliest; t + duration <= earliest + window; t++) {
      Instant s = T0.plusSeconds(t);
      if (slots.gapsWithin(s, s.plusSeconds(duration)).isEmpty()) {
        best = Math.min(best, integral(points, t, t + duration) / duration);
      }
    }
    BestWindow search = new BestWindow(slots);
    Instant e = T0.plusSeconds(earliest);
    Instant d = e.plusSeconds(window);
    if (best == Double.POSITIVE_INFINITY) {
      assertThatThrownBy(() -> search.contiguous(e, d, Duration.ofSeconds(duration))).hasMessageContaining("overlaps a gap");
      return;
    }
    Plan plan = search.contiguous(e, d, Duration.ofSeconds(duration));
    assertThat(plan.avgIntensity()).isCloseTo(best, within(1e-7));
    assertThat(slots.gapsWithin(plan.start(), plan.end())).isEmpty();
    assertThat(plan.runNowAvgIntensity()).isCloseTo(integral(points, earliest, earliest + duration) / duration,
        within(1e-7));
  }
}
