package io.lowcarb.energy.carbon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Sorting and duplicates: whatever order and repeats the rows come in, the series is the same. */
class StepRowsPropertiesTest {
  private static final Instant T0 = Instant.parse("2021-01-01T00:00:00Z");
  private static final Path FILE = Path.of("rows.csv");

  /** Rows at distinct random minutes (sorted) with values; then shuffled and some repeated. */
  @Property(tries = 300)
  void sortedDistinctAndTheLastRowOfATimeWins(
      @ForAll @Size(min = 2, max = 40) List<@IntRange(min = 0, max = 600) Integer> minutes,
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 10) int repeats) throws Exception {
    Random random = new Random(seed);
    List<SeriesRow> rows = new ArrayList<>();
    for (int i = 0; i < minutes.size(); i++) {
      rows.add(row(minutes.get(i), random.nextInt(500), i + 2));
    }
    for (int k = 0; k < repeats; k++) {
      SeriesRow copy = rows.get(random.nextInt(rows.size()));
      rows.add(row((int) Duration.between(T0, copy.time()).toMinutes(), random.nextInt(500), rows.size() + 2));
    }
    if (random.nextBoolean()) {
      Collections.shuffle(rows, random);
    }
    Map<Instant, Double> lastOfEachTime = new LinkedHashMap<>();
    rows.forEach(r -> lastOfEachTime.put(r.time(), r.gPerKwh()));
    TreeMap<Instant, Double> expected = new TreeMap<>(lastOfEachTime);
    if (expected.size() < 2) {
      return; // one distinct time: refused, checked elsewhere
    }

    StepRows.Result result = StepRows.points(FILE, rows, "rows.csv", T0);
    List<IntensityPoint> points = result.points();
    assertThat(points).extracting(IntensityPoint::start).containsExactlyElementsOf(expected.keySet());
    assertThat(points).extracting(IntensityPoint::gPerKwh).containsExactlyElementsOf(expected.values());
    // Valid as a series: strictly increasing, no overlaps.
    new IntensitySeries("X", "rows.csv", points);
    for (int i = 0; i + 1 < points.size(); i++) {
      assertThat(points.get(i).end()).isBeforeOrEqualTo(points.get(i + 1).start());
    }
    int duplicates = rows.size() - expected.size();
    boolean unsorted = false;
    for (int i = 1; i < rows.size(); i++) {
      unsorted |= rows.get(i).time().isBefore(rows.get(i - 1).time());
    }
    assertThat(result.notes()).hasSize((duplicates > 0 ? 1 : 0) + (unsorted ? 1 : 0));
    if (duplicates > 0) {
      assertThat(result.notes().getLast()).startsWith(String.format("%,d ", duplicates));
    }
    // The same rows in sorted order, without repeats, give the same periods: only the notes differ.
    List<SeriesRow> clean = new ArrayList<>();
    expected.forEach((t, v) -> clean.add(new SeriesRow(t, v, IntensityKind.SERIES, null, 0)));
    StepRows.Result plain = StepRows.points(FILE, clean, "rows.csv", T0);
    assertThat(plain.points()).isEqualTo(points);
    assertThat(plain.notes()).isEmpty();
  }

  /** Step semantics never leave a hole of up to twice the local step, and a gap always exceeds it. */
  @Property(tries = 300)
  void holesAreHeldAndGapsAreLong(
      @ForAll @Size(min = 3, max = 40) List<@IntRange(min = 1, max = 90) Integer> spacings) throws Exception {
    List<SeriesRow> rows = new ArrayList<>();
    int minute = 0;
    rows.add(row(0, 1, 2));
    for (int s : spacings) {
      minute += s;
      rows.add(row(minute, 1, rows.size() + 2));
    }
    List<IntensityPoint> points = StepRows.points(FILE, rows, "rows.csv", T0).points();
    for (int i = 0; i + 1 < points.size(); i++) {
      Duration spacing = Duration.between(points.get(i).start(), points.get(i + 1).start());
      Duration local = StepRows.localStep(rows, i);
      boolean gap = points.get(i).end().isBefore(points.get(i + 1).start());
      assertThat(gap).isEqualTo(spacing.compareTo(local.multipliedBy(2)) > 0);
      if (gap) {
        assertThat(points.get(i).duration()).isEqualTo(local);
      }
    }
  }

  private static SeriesRow row(int minute, double value, int line) {
    return new SeriesRow(T0.plus(Duration.ofMinutes(minute)), value, IntensityKind.SERIES, null, line);
  }
}
