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
