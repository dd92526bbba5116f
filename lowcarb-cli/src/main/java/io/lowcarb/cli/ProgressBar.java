package io.lowcarb.cli;

import io.lowcarb.train.EpochResult;
import io.lowcarb.train.TrainingProgress;
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
  public void predicted(double kwh, double grams, int epochs) {
    err.printf(Locale.ROOT, "  predicted for %d epochs: %s, %s CO2e%n", epochs, Summary.energy(kwh * 3.6e6), Summary.grams(grams));
  }
}
