package io.lowcarb.schedule.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times and durations as clients write them in query strings and JSON. */
final class Texts {
  // An offset whose '+' was sent unescaped in a query string arrives as a space.
  private static final Pattern SPACED_OFFSET = Pattern.compile("(.*T.*\\d) (\\d\\d:\\d\\d)$");
  private static final Pattern SHORT_DURATION = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private Texts() {}

  /**
   * An ISO-8601 time: with an offset ({@code 2023-06-01T12:00:00Z}, {@code ...+02:00}), or
   * without one, or a bare date, both taken as UTC (the SDK's server runs in UTC).
   *
   * @throws InvalidRequestException naming {@code parameter} when it is not a time
   */
  static Instant instant(String parameter, String text) {
    String t = text.trim();
    Matcher spaced = SPACED_OFFSET.matcher(t);
    if (spaced.matches()) {
      t = spaced.group(1) + "+" + spaced.group(2);
    }
    try {
      if (t.length() == 10) {
        return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (t.endsWith("Z") || t.endsWith("z") || t.matches(".*T.*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(t.toUpperCase(Locale.ROOT)).toInstant();
      }
      return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(parameter,
          "the value '" + text + "' is not valid for " + parameter + ": use an ISO-8601 time such as 2023-06-01T12:00:00Z");
    }
  }

  /**
   * A duration in ISO-8601 ({@code PT2H}, {@code PT90M}) or short form ({@code 2h}, {@code 1h30m},
   * {@code 45m}, {@code 1d}).
   *
   * @throws InvalidRequestException naming {@code parameter} when it is not a positive duration
   */
  static Duration duration(String parameter, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Duration d = null;
    if (t.startsWith("p")) {
      try {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        d = null;
      }
    } else {
      Matcher m = SHORT_DURATION.matcher(t);
      if (!t.isEmpty() && m.matches()) {
        try {
          d = Duration.ofDays(number(m.group(1))).plusHours(number(m.group(2)))
              .plusMinutes(number(m.group(3))).plusSeconds(number(m.group(4)));
        } catch (ArithmeticException | NumberFormatException e) {
          d = null;
        }
      }
    }
    if (d == null || d.isNegative() || d.isZero()) {
      throw new InvalidRequestException(parameter,
          "the value '" + text + "' is not valid for " + parameter + ": use a positive duration such as PT2H, 2h or 1h30m");
    }
    return d;
  }

  private static long number(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }
}
