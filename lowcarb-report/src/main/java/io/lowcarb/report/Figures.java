package io.lowcarb.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report writes numbers, times and durations: three significant digits, UTC. */
final class Figures {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Figures() {}

  /** {@code value} to three significant digits, without an exponent: 0.0123, 4.56, 789, 12,345. */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return String.valueOf(value);
    }
    if (Math.abs(value) >= 999.5) { // 999.6 rounds to 1,000, not 1E+3
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (value == 0) {
      return "0";
    }
    return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  /** An instant in UTC, to the second. */
  static String time(Instant t) {
    return UTC.format(t);
  }

  /** A duration as {@code 42 s}, {@code 3 min 05 s} or {@code 2 h 07 min}. */
  static String duration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return d.toMillis() < 10_000 && d.toMillis() % 1000 != 0
          ? number(d.toMillis() / 1000.0) + " s"
          : s + " s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
  }
}
