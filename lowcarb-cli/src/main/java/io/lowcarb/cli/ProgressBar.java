package io.lowcarb.cli;

import io.lowcarb.train.EpochResult;
import io.lowcarb.train.TrainingProgress;
import io.lowcarb.train.forecast.Estimate;
import io.lowcarb.train.forecast.Forecast;
import java.io.PrintWriter;
import java.util.Locale;

/** Draws training progress on standard error: a bar within an epoch, a line per epoch. */
final class ProgressBar implements TrainingProgress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean terminal = System.console() != null && System.console().isTerminal();
  private long lastDraw;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void batch(int epoch, int done, int total) {
    long now = System.nanoTime();
    if (!terminal || (done < total && now - lastDraw < 100_000_000L)) {
      return; // redraw at most ten times a second, and only on a terminal
    }
    lastDraw = now;
    int filled = (int) ((long) WIDTH * done / total);
    err.printf(Locale.ROOT, "\r  epoch %d [%s%s] %d/%d", epoch, "#".repeat(filled), ".".repeat(WIDTH - filled), done, total);
    err.flush();
  }

  @Override
  public void epoch(EpochResult r) {
    if (terminal) {
      err.print("\r" + " ".repeat(WIDTH + 30) + "\r");
    }
    err.printf(Locale.ROOT, "  epoch %2d  loss %.4f  val acc %.4f  %s  %s CO2e  %.0f samples/s%n", r.epoch(), r.loss(),
        r.validationAccuracy(), Summary.energy(r.energyKwh() * 3.6e6), Summary.grams(r.co2Grams()), r.samplesPerSecond());
  }

  @Override
  public void warmStart(io.lowcarb.train.WarmStart.Result reused) {
    err.printf(Locale.ROOT, "  from the checkpoint: %d parameters reused, %d fresh %s%n", reused.copied().size(),
        reused.fresh().size(), reused.fresh());
  }

  @Override
  public void predicted(Forecast f) {
    err.printf(Locale.ROOT, "  predicted for %d epochs: %s, %s CO2e, %s%n", f.epochs(), energy(f.energyKwh()),
        grams(f.emissionsGrams()), seconds(f.seconds()));
  }

  /** An energy in kWh as J, Wh or kWh, with its interval. */
  static String energy(Estimate kwh) {
    Estimate j = kwh.times(3.6e6);
    if (j.high() >= 3.6e6) {
      return range(kwh, "%.3f", " kWh");
    }
    return j.high() >= 3600 ? range(j.times(1 / 3600.0), "%.2f", " Wh") : range(j, "%.3g", " J");
  }

  /** A mass in gCO2e as mg, g or kg, with its interval. */
  static String grams(Estimate g) {
    if (g.high() >= 1000) {
      return range(g.times(1 / 1000.0), "%.3f", " kg");
    }
    return g.high() >= 1 ? range(g, "%.3g", " g") : range(g.times(1000), "%.3g", " mg");
  }

  static String seconds(Estimate s) {
    return s.high() >= 120 ? range(s.times(1 / 60.0), "%.1f", " min") : range(s, "%.1f", " s");
  }

  private static String range(Estimate e, String number, String unit) {
    return String.format(Locale.ROOT, number + unit + " (" + number + " to " + number + ")", e.point(), e.low(), e.high());
  }
}
