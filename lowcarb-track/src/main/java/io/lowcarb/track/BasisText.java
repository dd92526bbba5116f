package io.lowcarb.track;

import io.lowcarb.energy.EnergyBasis;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a figure's method and uncertainty read beside it, in the terminal and in reports: {@code
 * estimated ±30 %}. What is not known reads {@code -}, never a number: {@code measured ± -} for a
 * run stored before lowcarb kept uncertainties.
 */
public final class BasisText {
  private BasisText() {}

  /** {@code estimated ±30 %}, {@code measured ± -}, or {@code - ± -}. */
  public static String of(Optional<EnergyBasis.Obtained> method, double uncertaintyPct) {
    return method.map(EnergyBasis.Obtained::label).orElse("-") + " " + plusMinus(uncertaintyPct);
  }

  /**
   * The total's method and uncertainty; they hold for its CO2e too. A method not known reads as
   * the tool its components came from ({@code codecarbon ± -}) when they share one, else "-".
   */
  public static String of(Footprint f) {
    if (f.method().isEmpty()) {
      List<String> tools = f.energy().stream().map(EnergyFigure::method).distinct().toList();
      return (tools.size() == 1 ? tools.getFirst() : "-") + " " + plusMinus(f.uncertaintyPct());
    }
    return of(f.method(), f.uncertaintyPct());
  }

  /** A component's sensor method and uncertainty: {@code rapl ±10 %}. */
  public static String of(EnergyFigure e) {
    return e.method() + " " + plusMinus(e.uncertaintyPct());
  }

  /** {@code ±30 %}, {@code ±2.5 %} under 10 %, or {@code ± -} when not known. */
  public static String plusMinus(double uncertaintyPct) {
    if (Double.isNaN(uncertaintyPct)) {
      return "± -";
    }
    return "±" + String.format(Locale.ROOT, uncertaintyPct < 10 ? "%.1f" : "%.0f", uncertaintyPct) + " %";
  }
}
