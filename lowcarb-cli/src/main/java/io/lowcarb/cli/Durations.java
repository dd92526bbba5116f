package io.lowcarb.cli;

import java.time.Duration;
import picocli.CommandLine;

/** Parses durations such as {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
final class Durations implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    String v = value.trim();
    try {
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      }
      double amount = Double.parseDouble(v.replaceAll("[smh]$", ""));
      double seconds =
          switch (v.charAt(v.length() - 1)) {
            case 'm' -> amount * 60;
            case 'h' -> amount * 3600;
            default -> amount;
          };
      if (!Double.isFinite(seconds)) {
        throw new NumberFormatException();
      }
      return Duration.ofNanos((long) (seconds * 1e9));
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (examples: 500ms, 10s, 2m)");
    }
  }

  /** A duration as {@code 4h}, {@code 1h30m}, {@code 90s} or {@code 250ms}. */
  static String text(Duration d) {
    if (d.toMillis() < 1000) {
      return d.toMillis() + "ms";
    }
    long h = d.toHours();
    long m = d.toMinutesPart();
    long s = d.toSecondsPart();
    StringBuilder b = new StringBuilder();
    if (h > 0) {
      b.append(h).append('h');
    }
    if (m > 0) {
      b.append(m).append('m');
    }
    if (s > 0 || b.isEmpty()) {
      b.append(s).append('s');
    }
    return b.toString();
  }
}
