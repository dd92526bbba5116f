package io.lowcarb.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses budgets with units: energy ({@code 0.05kWh}, {@code 50Wh}, {@code 1000J}) and CO2e ({@code 20g}, {@code 0.5kg}, {@code 300mg}). */
final class Quantities {
  private static final Pattern QUANTITY = Pattern.compile("\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([a-zA-Z]+)\\s*");

  private Quantities() {}

  /** An energy in kWh. */
  static double kwh(String text, String option) {
    Matcher m = match(text, option, "an energy such as 0.05kWh, 50Wh or 1000J");
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "kwh" -> value;
      case "wh" -> value / 1000;
      case "j" -> value / 3.6e6;
      default -> throw new UsageException(option + ": unknown energy unit '" + m.group(2) + "' (kWh, Wh or J)");
    };
  }

  /** A mass of CO2e in grams. */
  static double grams(String text, String option) {
    Matcher m = match(text, option, "a mass such as 20g, 0.5kg or 300mg");
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "g" -> value;
      case "kg" -> value * 1000;
      case "mg" -> value / 1000;
      default -> throw new UsageException(option + ": unknown mass unit '" + m.group(2) + "' (g, kg or mg)");
    };
  }

  private static Matcher match(String text, String option, String expected) {
    Matcher m = QUANTITY.matcher(text);
    if (!m.matches()) {
      throw new UsageException(option + ": '" + text + "' is not " + expected);
    }
    return m;
  }
}
