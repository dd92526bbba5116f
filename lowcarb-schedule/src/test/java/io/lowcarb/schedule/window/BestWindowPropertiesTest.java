package io.lowcarb.schedule.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.DoubleRange;
import java.util.List;

class BestWindowPropertiesTest {
  private static final Instant T0 = Instant.parse("2023-06-01T00:00:00Z");

  /** The contiguous search against trying every whole-second start and summing second by second. */
  @Property(tries = 400)
  void contiguousMatchesBruteForce(
      @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = 0, max = 900) Double> values,
      @ForAll @IntRange(min = 1, max = 7) int step,
      @ForAll @IntRange(min = 0, max = 1000) int earliestDraw,
      @ForAll @IntRange(min = 0, max = 1000) int windowDraw,
      @ForAll @IntRange(min = 0, max = 1000) int durationDraw) {
    int total = values.size() * step;
    int earliestAt = earliestDraw % total;
    int windowLength = 1 + windowDraw % (total - earliestAt);
    int duration = 1 + durationDraw % windowLength;
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Plan plan = new BestWindow(Slots.of(T0, Duration.ofSeconds(step), v))
        .contiguous(T0.plusSeconds(earliestAt), T0.plusSeconds(earliestAt + windowLength), Duration.ofSeconds(duration));

    double best = Double.POSITIVE_INFINITY;
    for (int t = earliestAt; t + duration <= earliestAt + windowLength; t++) {
      best = Math.min(best, mean(v, step, t, duration));
    }
    assertThat(plan.avgIntensity()).isCloseTo(best, within(1e-7));
    long start = plan.start().getEpochSecond() - T0.getEpochSecond();
    assertThat(start).isBetween((long) earliestAt, (long) earliestAt + windowLength - duration);
    assertThat(mean(v, step, (int) start, duration)).isCloseTo(plan.avgIntensity(), within(1e-7));
    assertThat(plan.runNowAvgIntensity()).isCloseTo(mean(v, step, earliestAt, duration), within(1e-7));
    assertThat(plan.savingsPct()).isGreaterThanOrEqualTo(-1e-9);
  }

  /** The interruptible search against trying every subset of slots. */
  @Property(tries = 300)
  void interruptibleMatchesBruteForce(
      @ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = 0, max = 900) Double> values,
      @ForAll @IntRange(min = 1, max = 6) int work,
      @ForAll @IntRange(min = 1, max = 4) int chunk,
      @ForAll @IntRange(min = 0, max = 2) int restore) {
    int n = values.size();
    Assume.that(work <= n);
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Duration hour = Duration.ofHours(1);
    double brute = bruteForce(v, work, Math.min(chunk, work), restore);
    BestWindow search = new BestWindow(Slots.of(T0, hour, v));
    if (brute == Double.POSITIVE_INFINITY) {
      return; // nothing fits; the search says so (checked in the unit tests)
    }
    Plan plan = search.interruptible(T0, T0.plus(hour.multipliedBy(n)), hour.multipliedBy(work),
        hour.multipliedBy(chunk), hour.multipliedBy(restore));
    double cells = plan.running().toHours();
    assertThat(plan.avgIntensity() * cells).isCloseTo(brute, within(1e-6));
    for (int i = 0; i < plan.segments().size(); i++) {
      long length = plan.segments().get(i).duration().toHours();
      assertThat(length).isGreaterThanOrEqualTo(Math.min(chunk, work));
      if (i > 0) {
        assertThat(plan.segments().get(i).start()).isAfter(plan.segments().get(i - 1).end());
      }
    }
    assertThat(cells).isEqualTo(work + (plan.segments().size() - 1) * restore);
  }

  private static double mean(double[] v, int step, int t, int duration) {
    double sum = 0;
    for (int s = t; s < t + duration; s++) {
      sum += v[s / step];
    }
    return sum / duration;
  }

  private static double bruteForce(double[] v, int work, int chunk, int restore) {
    int n = v.length;
    double best = Double.POSITIVE_INFINITY;
    for (int mask = 1; mask < (1 << n); mask++) {
      double cost = 0;
      int done = 0;
      int runs = 0;
      boolean ok = true;
      int i = 0;
      boolean lastCellWorks = false;
      while (i < n && ok) {
        if ((mask & (1 << i)) == 0) {
          i++;
          continue;
        }
        int length = 0;
        while (i < n && (mask & (1 << i)) != 0) {
          cost += v[i];
          length++;
          i++;
        }
        runs++;
        int useful = runs == 1 ? length : Math.max(0, length - restore);
        lastCellWorks = runs == 1 || length > restore;
        done += useful;
        ok = length >= chunk;
      }
      if (ok && done == work && lastCellWorks) {
        best = Math.min(best, cost);
      }
    }
    return best;
  }
}
