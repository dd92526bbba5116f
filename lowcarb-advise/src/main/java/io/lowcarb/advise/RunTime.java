package io.lowcarb.advise;

import io.lowcarb.advise.hardware.Device;
import io.lowcarb.advise.hardware.Hardware;
import io.lowcarb.advise.hardware.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How long the work takes on some hardware, and on what grounds.
 *
 * @param hours the time, in hours
 * @param uncertaintyPct its relative uncertainty, in percent
 * @param asRun the run, when the hardware is the one it ran on: its time and energy are kept
 * @param assumptions the grounds, in words
 */
record RunTime(double hours, double uncertaintyPct, Optional<MeasuredRun> asRun, List<String> assumptions) {

  /** The time on {@code h}; empty when {@code h} has no peak figure to scale by. */
  static Optional<RunTime> of(Workload work, Hardware h, Precision precision) {
    Device.Peak peak = h.peak(precision);
    if (!peak.known()) {
      return Optional.empty();
    }
    List<String> why = new ArrayList<>();
    if (peak.precision() != precision) {
      why.add(String.format(Locale.ROOT, "%s has no published %s peak: its %s peak is used", h.name(), name(precision),
          name(peak.precision())));
    }
    if (h.units() > 1) {
      why.add(String.format(Locale.ROOT, "the work spreads evenly over the %d %s of %s", h.units(),
          h.kind().accelerator() ? "accelerators" : "cores", h.name()));
    }
    return Optional.of(switch (work) {
      case MeasuredRun run -> scaled(run, h, peak, precision, why);
      case FlopCount count -> counted(count, h, peak, why);
    });
  }

  private static RunTime scaled(MeasuredRun run, Hardware h, Device.Peak peak, Precision precision, List<String> why) {
    if (h.equals(run.ranOn())) {
      why.add(String.format(Locale.ROOT, "time and energy as the run's: %s h, %s kWh (%s; %s) on %s (%s)",
          fmt(run.hours()), fmt(run.energyKwh()), run.basis(), run.basisSource(), h.name(), run.label()));
      return new RunTime(run.hours(), 0, Optional.of(run), why);
    }
    Device.Peak source = run.ranOn().peak(precision);
    double effective = source.tflops() * run.utilisation();
    double speedup = peak.tflops() / effective;
    why.add(String.format(Locale.ROOT,
        "time scaled by peak throughput: the run's %s h on %s (%s TFLOPS %s at %.0f %% use) -> %s TFLOPS %s on %s "
            + "(%sx faster), reaching the same share of peak on both", fmt(run.hours()), run.ranOn().name(),
        fmt(source.tflops()), name(source.precision()), 100 * run.utilisation(), fmt(peak.tflops()),
        name(peak.precision()), h.name(), fmt(speedup)));
    boolean sameKind = h.kind().accelerator() == run.ranOn().kind().accelerator();
    return new RunTime(run.hours() / speedup, Uncertainty.scaledTime(sameKind, speedup), Optional.empty(), why);
  }

  private static RunTime counted(FlopCount count, Hardware h, Device.Peak peak, List<String> why) {
    double hours = count.flops() / (peak.tflops() * 1e12 * count.peakFraction()) / 3600;
    why.add(String.format(Locale.ROOT, "time = %s FLOP / (%s TFLOPS %s peak x %.0f %% of peak reached)",
        fmt(count.flops()), fmt(peak.tflops()), name(peak.precision()), 100 * count.peakFraction()));
    return new RunTime(hours, Uncertainty.FLOPS_TIME_PCT, Optional.empty(), why);
  }

  static String name(Precision p) {
    return p.name().toLowerCase(Locale.ROOT);
  }

  /** Three significant figures, without an exponent for ordinary sizes. */
  static String fmt(double v) {
    double a = Math.abs(v);
    return a != 0 && (a < 1e-3 || a >= 1e7)
        ? String.format(Locale.ROOT, "%.3g", v)
        : new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
