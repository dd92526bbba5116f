package io.lowcarb.energy.carbon;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the times of one series file: ISO-8601 with {@code Z} or an offset ({@code +01:00},
 * {@code +0100}, {@code +01}), a space or {@code T} between date and time, seconds and fractions
 * optional, or a date alone (its midnight). A time without an offset is local time in the file's
 * zone.
 *
 * <p>Daylight saving: a local time that the clocks skip (spring forward) is refused. A local time
 * that happens twice (fall back) takes the earlier offset, summer time, the first time it appears
 * in the file and the later offset, winter time, every time after; so a file that lists the
 * repeated hour twice, in the order it was lived, reads right, sorted or not. One reader serves
 * one file: it remembers which ambiguous times it has seen.
 */
final class SeriesTimes {
  private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2}):?(\\d{2})?$");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final ZoneId zone;
  private final Map<LocalDateTime, Integer> ambiguousSeen = new HashMap<>();

  /** @param zone the zone of times without an offset */
  SeriesTimes(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * The instant {@code text} names.
   *
   * @throws IllegalArgumentException with a message for the user when it is not a time or does
   *     not exist in the zone
   */
  Instant parse(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("no time");
    }
    Instant quick = quick(t);
    if (quick != null) {
      return quick;
    }
    if (DATE.matcher(t).matches()) {
      return local(parseLocal(t, () -> LocalDate.parse(t).atStartOfDay()), t);
    }
    String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
    int tee = iso.indexOf('T');
    if (tee < 0) {
      throw notATime(t);
    }
    String clock = iso.substring(tee + 1);
    if (clock.endsWith("Z") || clock.endsWith("z")) {
      return parseOffset(iso.substring(0, iso.length() - 1) + "Z", t);
    }
    Matcher m = OFFSET.matcher(clock);
    if (m.find() && m.start() > 0) {
      String offset = m.group(1) + m.group(2) + ":" + (m.group(3) == null ? "00" : m.group(3));
      return parseOffset(iso.substring(0, tee + 1 + m.start()) + offset, t);
    }
    return local(parseLocal(t, () -> LocalDateTime.parse(iso)), t);
  }

  /**
   * The common shapes, {@code 2024-03-01 13:00[:00]} with {@code T} or a space and an optional
   * {@code Z}, read without a formatter (a year of 5-minute rows is 105,120 times); null for any
   * other shape, which the general path reads.
   */
  private Instant quick(String t) {
    int n = t.length();
    boolean utc = n > 0 && (t.charAt(n - 1) == 'Z' || t.charAt(n - 1) == 'z');
    int end = utc ? n - 1 : n;
    if ((end != 16 && end != 19) || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(13) != ':'
        || (t.charAt(10) != 'T' && t.charAt(10) != ' ') || (end == 19 && t.charAt(16) != ':')) {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = end == 19 ? digits(t, 17, 2) : 0;
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    LocalDateTime time;
    try {
      time = LocalDateTime.of(year, month, day, hour, minute, second);
    } catch (DateTimeException e) {
      throw notATime(t);
    }
    return utc ? time.toInstant(ZoneOffset.UTC) : local(time, t);
  }

  /** The number written by {@code count} digits from {@code at}; -1 where one is not a digit. */
  private static int digits(String t, int at, int count) {
    int v = 0;
    for (int i = at; i < at + count; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static Instant parseOffset(String iso, String original) {
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException e) {
      throw notATime(original);
    }
  }

  private interface LocalParse {
    LocalDateTime get();
  }

  private static LocalDateTime parseLocal(String original, LocalParse parse) {
    try {
      return parse.get();
    } catch (DateTimeException e) {
      throw notATime(original);
    }
  }

  private Instant local(LocalDateTime time, String original) {
    if (zone instanceof ZoneOffset offset) {
      return time.toInstant(offset);
    }
    List<ZoneOffset> offsets = zone.getRules().getValidOffsets(time);
    if (offsets.isEmpty()) {
      throw new IllegalArgumentException("'" + original + "' does not exist in " + zone
          + " (the clocks went forward over it): is --timezone right?");
    }
    if (offsets.size() == 1) {
      return time.toInstant(offsets.getFirst());
    }
    int seen = ambiguousSeen.merge(time, 1, Integer::sum);
    return time.toInstant(offsets.get(seen == 1 ? 0 : 1));
  }

  private static IllegalArgumentException notATime(String text) {
    return new IllegalArgumentException("'" + text + "' is not a time (ISO-8601, e.g. 2024-03-01T13:00Z)");
  }
}
