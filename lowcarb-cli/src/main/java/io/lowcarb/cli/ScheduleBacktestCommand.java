package io.lowcarb.cli;

import io.lowcarb.energy.carbon.IntensitySeries;
import io.lowcarb.energy.carbon.SeriesFiles;
import io.lowcarb.energy.carbon.SeriesFormatException;
import io.lowcarb.schedule.forecast.Backtest;
import io.lowcarb.schedule.forecast.Forecaster;
import io.lowcarb.schedule.forecast.HoltWinters;
import io.lowcarb.schedule.forecast.SeasonalNaive;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lowcarb schedule backtest}: how well lowcarb's forecasts did on recorded series. */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
      "Forecast each recorded series day by day (after a four-week warm-up) with the seasonal naive",
      "baselines and lowcarb's Holt-Winters model, and print the error (MAPE, MAE) per series."
    })
final class ScheduleBacktestCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Intensity series (Electricity Maps export or time,g_per_kwh).")
  List<Path> files = new ArrayList<>();

  @Option(names = "--horizon", paramLabel = "HOURS", defaultValue = "24", description = "Hours ahead to forecast (default 24).")
  int horizon;

  @Option(names = "--issue-hour", paramLabel = "HOUR", defaultValue = "0",
      description = "UTC hour at which each day's forecast is made (default 0).")
  int issueHour;

  @Override
  public Integer call() {
    Backtest backtest;
    try {
      backtest = new Backtest(Backtest.Options.defaults().withHorizon(horizon).withIssueHour(issueHour));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    List<IntensitySeries> series = new ArrayList<>();
    for (Path file : files) {
      if (!Files.isReadable(file)) {
        throw new UsageException("cannot read series file " + file);
      }
      try {
        series.add(SeriesFiles.read(file, SeriesFiles.Basis.LCA));
      } catch (SeriesFormatException e) {
        throw new UsageException(e.getMessage());
      } catch (IOException e) {
        throw new UsageException("cannot read series file " + file + ": " + e.getMessage());
      }
    }
    List<Forecaster> models = List.of(SeasonalNaive.daily(), SeasonalNaive.weekly(), HoltWinters.fitted());
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%d h ahead, issued daily at %02d:00 UTC; MAPE %% (MAE gCO2e/kWh)%n", horizon, issueHour);
    out.printf(Locale.ROOT, "%-34s %9s", "series", "forecasts");
    for (Forecaster m : models) {
      out.printf(Locale.ROOT, " %22s", m.name());
    }
    out.println();
    for (int i = 0; i < series.size(); i++) {
      List<Backtest.Result> results;
      try {
        results = backtest.run(series.get(i), models);
      } catch (IllegalArgumentException e) {
        throw new UsageException(files.get(i) + ": " + e.getMessage());
      }
      out.printf(Locale.ROOT, "%-34s %9d", files.get(i).getFileName(), results.getFirst().forecasts());
      for (Backtest.Result r : results) {
        out.printf(Locale.ROOT, " %22s", String.format(Locale.ROOT, "%.2f (%.1f)", r.mapePercent(), r.maeGPerKwh()));
      }
      out.println();
    }
    return 0;
  }
}
