package io.lowcarb.benchmarks;

import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.SeriesFiles;
import io.lowcarb.schedule.forecast.Forecaster;
import io.lowcarb.schedule.forecast.HoltWinters;
import io.lowcarb.schedule.forecast.SeasonalNaive;
import io.lowcarb.schedule.window.BestWindow;
import io.lowcarb.schedule.window.Plan;
import io.lowcarb.schedule.window.Segment;
import io.lowcarb.schedule.window.Slots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Let's Wait Awhile experiment (Wiesner et al., Middleware 2021) on the shared hourly traces:
 * (a) nightly one-hour jobs at 01:00 local time with 0 to 8 hours of flexibility; (b) ML jobs of 30
 * minutes to 8 hours submitted on the hour from 09:00 to 16:00 local time on workdays, to be done
 * by 09:00 of the next workday, interruptible or not. Each job is planned three ways: on lowcarb's
 * Holt-Winters forecast made at submission, on the seasonal-naive forecast (same hour yesterday),
 * and on the actual series (a perfect forecast, which for these plans is also the optimum in
 * hindsight); every plan is then charged the actual intensity. Savings are total emissions saved
 * against running every job at submission, at equal power.
 *
 * <p>Usage: {@code LetsWaitAwhile DIR [ZONE...]} with DIR holding {@code ZONE_YYYY_hourly.csv} for
 * 2021-2023. The first four weeks of 2021 are history only.
 */
public final class LetsWaitAwhile {
  private static final Map<String, ZoneId> LOCAL = Map.of(
      "ES", ZoneId.of("Europe/Madrid"), "NO", ZoneId.of("Europe/Oslo"),
      "BR", ZoneId.of("America/Sao_Paulo"), "US-CAL-CISO", ZoneId.of("America/Los_Angeles"));
  private static final int[] FLEX_HOURS = {0, 2, 4, 6, 8};
  private static final Duration[] ML_DURATIONS = {
    Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8)};
  private static final Duration WARM_UP = Duration.ofDays(28);
  private static final Duration REFIT = Duration.ofDays(7);

  /** Emissions at submission and under each way of planning, in gCO2e/kWh x hours. */
  private static final class Tally {
    double atOnce;
    final double[] planned = new double[3]; // forecast, naive, perfect

    void add(double now, double forecast, double naive, double perfect) {
      atOnce += now;
      planned[0] += forecast;
      planned[1] += naive;
      planned[2] += perfect;
    }

    double saving(int way) {
      return atOnce == 0 ? 0 : 100 * (1 - planned[way] / atOnce);
    }
  }

  private final Slots actual;
  private final BestWindow perfect;
  private final double[] values;
  private final ZoneId local;
  private final Forecaster naive = SeasonalNaive.daily();
  private Forecaster model = HoltWinters.fitted();
  private Instant fittedAt = Instant.MIN;

  private LetsWaitAwhile(Slots actual, ZoneId local) {
    this.actual = actual;
    this.perfect = new BestWindow(actual);
    this.values = actual.values();
    this.local = local;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: LetsWaitAwhile DIR [ZONE...]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    List<String> zones = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("ES", "NO", "BR", "US-CAL-CISO");
    long began = System.nanoTime();
    Map<String, Tally[]> nightly = new LinkedHashMap<>();
    Map<String, Tally[]> ml = new LinkedHashMap<>();
    for (String zone : zones) {
      List<IntensityPoint> points = new ArrayList<>();
      for (int year = 2021; year <= 2023; year++) {
        Path file = dir.resolve(zone + "_" + year + "_hourly.csv");
        if (!Files.exists(file)) {
          System.err.println("no " + file);
          System.exit(2);
        }
        points.addAll(SeriesFiles.read(file, SeriesFiles.Basis.LCA).points());
      }
      LetsWaitAwhile run = new LetsWaitAwhile(Slots.from(points), LOCAL.getOrDefault(zone, ZoneId.of("UTC")));
      nightly.put(zone, run.nightly());
      ml.put(zone, run.mlJobs());
    }
    print(nightly, ml);
    System.out.printf(Locale.ROOT, "%n(%d zones, 2021-2023, %.1f s)%n", zones.size(), (System.nanoTime() - began) / 1e9);
  }

  /** (a): one tally per flexibility. */
  private Tally[] nightly() {
    Tally[] tallies = newTallies(FLEX_HOURS.length);
    for (LocalDate day = firstDay(); ; day = day.plusDays(1)) {
      Instant submit = day.atTime(1, 0).atZone(local).toInstant();
      Instant lastDeadline = submit.plus(Duration.ofHours(1 + FLEX_HOURS[FLEX_HOURS.length - 1]));
      if (lastDeadline.isAfter(actual.end())) {
        return tallies;
      }
      Forecasts f = forecasts(submit, lastDeadline);
      for (int i = 0; i < FLEX_HOURS.length; i++) {
        Instant deadline = submit.plus(Duration.ofHours(1 + FLEX_HOURS[i]));
        charge(tallies[i], f, submit, deadline, Duration.ofHours(1), false);
      }
    }
  }

  /** (b): contiguous and interruptible tallies. */
  private Tally[] mlJobs() {
    Tally[] tallies = newTallies(2);
    for (LocalDate day = firstDay(); ; day = day.plusDays(1)) {
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      LocalDate next = day.plusDays(day.getDayOfWeek() == DayOfWeek.FRIDAY ? 3 : 1);
      Instant deadline = next.atTime(9, 0).atZone(local).toInstant();
      if (deadline.isAfter(actual.end())) {
        return tallies;
      }
      for (int hour = 9; hour <= 16; hour++) {
        Instant submit = day.atTime(hour, 0).atZone(local).toInstant();
        Forecasts f = forecasts(submit, deadline);
        for (Duration d : ML_DURATIONS) {
          charge(tallies[0], f, submit, deadline, d, false);
          if (d.toMinutes() % 60 == 0) { // interruptible plans use whole hours
            charge(tallies[1], f, submit, deadline, d, true);
          }
        }
      }
    }
  }

  private LocalDate firstDay() {
    return ZonedDateTime.ofInstant(actual.start().plus(WARM_UP), local).toLocalDate().plusDays(1);
  }

  private static Tally[] newTallies(int n) {
    Tally[] t = new Tally[n];
    for (int i = 0; i < n; i++) {
      t[i] = new Tally();
    }
    return t;
  }

  /** Forecasts made at {@code submit} up to {@code to}, as searchable series. */
  private record Forecasts(BestWindow model, BestWindow naive) {}

  private Forecasts forecasts(Instant submit, Instant to) {
    int now = hourIndex(submit);
    int horizon = hourIndex(to) - now + 1;
    double[] history = Arrays.copyOfRange(values, Math.max(0, now - 20 * 168), now);
    if (Duration.between(fittedAt, submit).compareTo(REFIT) >= 0) {
      model = HoltWinters.fitted().fit(history);
      fittedAt = submit;
    }
    Instant start = actual.slotStart(now);
    return new Forecasts(new BestWindow(Slots.of(start, Duration.ofHours(1), model.forecast(history, horizon))),
        new BestWindow(Slots.of(start, Duration.ofHours(1), naive.forecast(history, horizon))));
  }

  private int hourIndex(Instant t) {
    return (int) Duration.between(actual.start(), t).toHours();
  }

  private void charge(Tally tally, Forecasts f, Instant submit, Instant deadline, Duration d, boolean interruptible) {
    Plan byModel = plan(f.model(), submit, deadline, d, interruptible);
    Plan byNaive = plan(f.naive(), submit, deadline, d, interruptible);
    Plan best = plan(perfect, submit, deadline, d, interruptible);
    tally.add(charged(List.of(new Segment(submit, submit.plus(d)))), charged(byModel.segments()),
        charged(byNaive.segments()), charged(best.segments()));
  }

  private static Plan plan(BestWindow search, Instant from, Instant to, Duration d, boolean interruptible) {
    return interruptible ? search.interruptible(from, to, d, Duration.ofHours(1), Duration.ZERO) : search.contiguous(from, to, d);
  }

  /** The actual intensity integrated over the segments, gCO2e/kWh x hours. */
  private double charged(List<Segment> segments) {
    double sum = 0;
    for (Segment s : segments) {
      long from = s.start().getEpochSecond() - actual.start().getEpochSecond();
      long to = s.end().getEpochSecond() - actual.start().getEpochSecond();
      for (long h = from / 3600; h * 3600 < to; h++) {
        long overlap = Math.min(to, (h + 1) * 3600) - Math.max(from, h * 3600);
        sum += values[(int) h] * overlap / 3600.0;
      }
    }
    return sum;
  }

  private static void print(Map<String, Tally[]> nightly, Map<String, Tally[]> ml) {
    System.out.println("(a) nightly 1 h jobs at 01:00 local: emissions saved against running at 01:00, %");
    System.out.println("    optimum = perfect forecast (same plan); lowcarb = Holt-Winters forecast; naive = same hour yesterday");
    System.out.printf("%-12s", "zone");
    for (int flex : FLEX_HOURS) {
      System.out.printf(Locale.ROOT, " | flex %dh: optimum lowcarb  naive", flex);
    }
    System.out.println();
    for (var e : nightly.entrySet()) {
      System.out.printf("%-12s", e.getKey());
      for (Tally t : e.getValue()) {
        System.out.printf(Locale.ROOT, " |          %6.2f  %6.2f %6.2f", t.saving(2), t.saving(0), t.saving(1));
      }
      System.out.println();
    }
    System.out.println();
    System.out.println("(b) ML jobs of 30 min to 8 h, submitted 09:00-16:00 local on workdays, done by 09:00 next workday:");
    System.out.println("    emissions saved against running at submission, %; share = lowcarb / optimum");
    System.out.printf("%-12s | %-31s | %-31s%n", "", "not interruptible", "interruptible (1 h slots)");
    System.out.printf("%-12s | %7s %7s %6s %7s | %7s %7s %6s %7s%n", "zone",
        "optimum", "lowcarb", "naive", "share", "optimum", "lowcarb", "naive", "share");
    for (var e : ml.entrySet()) {
      Tally c = e.getValue()[0];
      Tally i = e.getValue()[1];
      System.out.printf(Locale.ROOT, "%-12s | %7.2f %7.2f %6.2f %6.1f%% | %7.2f %7.2f %6.2f %6.1f%%%n", e.getKey(),
          c.saving(2), c.saving(0), c.saving(1), 100 * c.saving(0) / c.saving(2),
          i.saving(2), i.saving(0), i.saving(1), 100 * i.saving(0) / i.saving(2));
    }
  }
}
