package io.lowcarb.schedule.window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the greenest time to run a job before its deadline on one zone's intensity series.
 *
 * <p>Contiguous: the time-weighted mean intensity over {@code [t, t + d)} is piecewise linear in
 * {@code t}, with breaks where {@code t} or {@code t + d} crosses a slot boundary, so its minimum
 * lies at the window's ends or at such a break. Each candidate costs O(1) with prefix sums: O(n) in
 * all. Interruptible: a dynamic programme over whole slots. Ties go to the earliest start.
 *
 * <p>Gaps: a job is never planned into a slot that lies in a gap of the series (a contiguous window
 * that overlaps one is skipped; the window's ends at a gap's edges are candidates, so the search
 * stays exact). Running at once is still costed, with the values the gap holds.
 */
public final class BestWindow {
  private final Slots slots;
  private final Slots.Timeline line;

  /** @param slots the zone's intensity series, covering the windows asked for */
  public BestWindow(Slots slots) {
    this.slots = slots;
    this.line = slots.timeline();
  }

  /** The series searched. */
  public Slots slots() {
    return slots;
  }

  /**
   * The start in {@code [earliest, deadline - duration]} that minimises the mean intensity over the
   * job's duration.
   *
   * @throws IllegalArgumentException when the window is empty or shorter than the job, or the
   *     series does not cover it
   */
  public Plan contiguous(Instant earliest, Instant deadline, Duration duration) {
    long d = check(earliest, deadline, duration);
    long e = wholeSecondFrom(earliest) - line.origin;
    long latest = deadline.getEpochSecond() - line.origin - d;
    if (latest < e) {
      throw new IllegalArgumentException("the job's duration " + duration + " does not fit in whole seconds between "
          + earliest + " and " + deadline);
    }
    long step = line.stepSeconds;
    Candidate best = new Candidate(d);
    best.consider(e);
    // Starts on a boundary, and starts whose end is on a boundary, inside (e, latest], then latest.
    for (long k = e / step + 1; k * step <= latest; k++) {
      best.consider(k * step);
    }
    for (long k = Math.floorDiv(e + d, step) + 1; k * step - d <= latest; k++) {
      best.consider(k * step - d);
    }
    best.consider(latest);
    if (best.start < 0) {
      throw new IllegalArgumentException("every window of " + lengthText(duration) + " from " + earliest + " to "
          + deadline + " overlaps a gap in the intensity series (" + gapText(earliest, deadline) + ")");
    }
    Instant start = Instant.ofEpochSecond(line.origin + best.start);
    return new Plan(List.of(new Segment(start, start.plusSeconds(d))), best.sum / d, runNowMean(e, d),
        Duration.ofSeconds(d));
  }

  /**
   * The cheapest start seen so far among those whose window touches no gap: the least integral,
   * ties to the earliest start (as the search visits starts out of order).
   */
  private final class Candidate {
    final long d;
    long start = -1;
    double sum = Double.POSITIVE_INFINITY;

    Candidate(long d) {
      this.d = d;
    }

    void consider(long t) {
      if (line.touchesGap(t, t + d)) {
        return;
      }
      double s = line.integral(t + d) - line.integral(t);
      if (s < sum || (s == sum && t < start)) {
        sum = s;
        start = t;
      }
    }
  }

  private static String lengthText(Duration d) {
    long s = d.toSeconds();
    return s % 3600 == 0 ? s / 3600 + " h" : s % 60 == 0 ? s / 60 + " min" : s + " s";
  }

  private String gapText(Instant from, Instant to) {
    List<Segment> gaps = slots.gapsWithin(from, to);
    return gaps.size() == 1
        ? "no values from " + gaps.getFirst().start() + " to " + gaps.getFirst().end()
        : gaps.size() + " gaps, the first from " + gaps.getFirst().start() + " to " + gaps.getFirst().end();
  }

  /**
   * The cheapest set of whole slots inside {@code [earliest, deadline)} that holds the job: its
   * duration rounded up to whole slots, each stretch at least {@code minChunk} long (rounded up to
   * whole slots; relaxed to the job's length when the job is shorter), and every stretch after the
   * first starting with {@code overhead} (rounded up to whole slots) of extra running to restore
   * the job's state.
   *
   * @throws IllegalArgumentException when the window holds too few whole slots, or the series
   *     does not cover it
   */
  public Plan interruptible(Instant earliest, Instant deadline, Duration duration, Duration minChunk, Duration overhead) {
    long d = check(earliest, deadline, duration);
    if (minChunk.isNegative() || overhead.isNegative()) {
      throw new IllegalArgumentException("the minimum chunk and the overhead cannot be negative");
    }
    long step = line.stepSeconds;
    long e = wholeSecondFrom(earliest) - line.origin;
    int first = (int) Math.ceilDiv(e, step);
    int stop = (int) Math.floorDiv(deadline.getEpochSecond() - line.origin, step);
    int m = stop - first;
    int work = (int) Math.ceilDiv(d, step);
    if (m < work) {
      throw new IllegalArgumentException("the window holds " + Math.max(m, 0) + " whole " + slots.step()
          + " slots; the job needs " + work);
    }
    int chunk = (int) Math.min(Math.max(1, Math.ceilDiv(minChunk.toSeconds(), step)), work);
    int restore = (int) Math.ceilDiv(overhead.toSeconds(), step);
    double[] cost = Arrays.copyOfRange(line.values, first, stop);
    for (int i = 0; i < cost.length; i++) {
      if (line.inGap(first + i)) {
        cost[i] = Double.POSITIVE_INFINITY; // never run where the series has no value
      }
    }
    int[] picked;
    try {
      picked = new Interruptions(work, chunk, restore).cheapest(cost);
    } catch (IllegalArgumentException none) {
      if (line.hasGaps() && !slots.gapsWithin(earliest, deadline).isEmpty()) {
        throw new IllegalArgumentException(none.getMessage() + " outside the gaps in the intensity series ("
            + gapText(earliest, deadline) + ")");
      }
      throw none;
    }
    List<Segment> segments = new ArrayList<>();
    double sum = 0;
    int runStart = -1;
    for (int i = 0; i < picked.length; i++) {
      sum += line.values[first + picked[i]];
      if (runStart < 0) {
        runStart = picked[i];
      }
      if (i == picked.length - 1 || picked[i + 1] != picked[i] + 1) {
        segments.add(new Segment(slots.slotStart(first + runStart), slots.slotStart(first + picked[i] + 1)));
        runStart = -1;
      }
    }
    return new Plan(segments, sum / picked.length, runNowMean(e, d), Duration.ofSeconds(d));
  }

  /** The first whole second at or after {@code t}: the searches work in whole seconds and never start early. */
  private static long wholeSecondFrom(Instant t) {
    return t.getEpochSecond() + (t.getNano() > 0 ? 1 : 0);
  }

  private double runNowMean(long e, long d) {
    return (line.integral(e + d) - line.integral(e)) / d;
  }

  private long check(Instant earliest, Instant deadline, Duration duration) {
    if (duration.isNegative() || duration.isZero() || duration.toSeconds() == 0) {
      throw new IllegalArgumentException("the job's duration must be at least one second, got " + duration);
    }
    if (!deadline.isAfter(earliest)) {
      throw new IllegalArgumentException("the deadline " + deadline + " is not after the earliest start " + earliest);
    }
    if (duration.compareTo(Duration.between(earliest, deadline)) > 0) {
      throw new IllegalArgumentException("the job's duration " + duration + " is longer than the window from "
          + earliest + " to " + deadline);
    }
    if (earliest.isBefore(slots.start()) || deadline.isAfter(slots.end())) {
      throw new IllegalArgumentException("the intensity series covers " + slots.start() + " to " + slots.end()
          + ", not the window from " + earliest + " to " + deadline);
    }
    return duration.toSeconds();
  }
}
