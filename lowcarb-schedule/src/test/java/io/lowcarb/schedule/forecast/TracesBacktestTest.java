package io.lowcarb.schedule.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.energy.carbon.IntensitySeries;
import io.lowcarb.energy.carbon.SeriesFiles;
import io.lowcarb.energy.carbon.SeriesFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Backtests on the recorded Electricity Maps traces (life-cycle basis) kept beside the checkout in
 * {@code shared/data/carbon-intensity}; skipped where they are absent. Prints the day-ahead table
 * of every zone and year.
 */
class TracesBacktestTest {
  static final List<String> ZONES = List.of("BR", "ES", "NO", "US-CAL-CISO");
  static final List<Integer> YEARS = List.of(2021, 2022, 2023);
  static final List<Forecaster> FORECASTERS =
      List.of(SeasonalNaive.daily(), SeasonalNaive.weekly(), HoltWinters.fitted());
  private static final Map<Path, IntensitySeries> READ = new ConcurrentHashMap<>();

  /** The traces folder: {@code shared/data/carbon-intensity} beside the working folder or one of its ancestors. */
  static Path traces() {
    for (Path dir = Path.of("").toAbsolutePath(); dir.getParent() != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("data").resolve("carbon-intensity");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** One zone's year, read once per test run. */
  static IntensitySeries trace(String zone, int year) {
    Path dir = traces();
    Assumptions.assumeTrue(dir != null, "the shared carbon-intensity traces are not beside the checkout");
    Path file = dir.resolve(zone + "_" + year + "_hourly.csv");
    Assumptions.assumeTrue(Files.exists(file), "the trace " + file + " is not there");
    return READ.computeIfAbsent(file, f -> {
      try {
        return SeriesFiles.read(f, SeriesFiles.Basis.LCA);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (SeriesFormatException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void holtWintersBeatsBothSeasonalNaiveForecastsOnSpain2023() {
    List<Backtest.Result> results = new Backtest().run(trace("ES", 2023), FORECASTERS);
    double daily = results.get(0).mapePercent();
    double weekly = results.get(1).mapePercent();
    double holtWinters = results.get(2).mapePercent();
    assertThat(holtWinters).isLessThan(daily).isLessThan(weekly);
    assertThat(results).allSatisfy(r -> assertThat(r.forecasts()).isEqualTo(365 - 28));
  }

  @Test
  void dayAheadTableForAllZonesAndYears() {
    List<IntensitySeries> series = new ArrayList<>();
    for (String zone : ZONES) {
      for (int year : YEARS) {
        series.add(trace(zone, year));
      }
    }
    Backtest backtest = new Backtest();
    long[] nanos = new long[FORECASTERS.size()];
    List<List<Backtest.Result>> all = new ArrayList<>();
    for (IntensitySeries s : series) {
      List<Backtest.Result> row = new ArrayList<>();
      for (int f = 0; f < FORECASTERS.size(); f++) {
        long start = System.nanoTime();
        row.addAll(backtest.run(s, List.of(FORECASTERS.get(f))));
        nanos[f] += System.nanoTime() - start;
      }
      all.add(row);
    }
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "day-ahead MAPE %% (MAE gCO2e/kWh): forecasts at 00:00 UTC after a 4-week warm-up, refit weekly%n"
            + "%-12s %4s %20s %20s %20s%n", "zone", "year", "seasonal-naive-24", "seasonal-naive-168", "holt-winters"));
    for (int i = 0; i < series.size(); i++) {
      table.append(String.format(Locale.ROOT, "%-12s %4d", ZONES.get(i / YEARS.size()), YEARS.get(i % YEARS.size())));
      for (Backtest.Result r : all.get(i)) {
        table.append(String.format(Locale.ROOT, " %10.2f (%6.2f)  ", r.mapePercent(), r.maeGPerKwh()));
        assertThat(r.mapePercent()).isFinite();
      }
      table.append('\n');
    }
    long total = 0;
    table.append("backtest time over ").append(series.size()).append(" zone-years:");
    for (int f = 0; f < FORECASTERS.size(); f++) {
      table.append(String.format(Locale.ROOT, " %s %.2f s,", FORECASTERS.get(f).name(), nanos[f] / 1e9));
      total += nanos[f];
    }
    table.append(String.format(Locale.ROOT, " total %.2f s%n", total / 1e9));
    System.out.print(table);
    assertThat(total / 1e9).as("seconds for the whole backtest").isLessThan(20);
  }
}
