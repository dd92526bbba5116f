package io.lowcarb.energy.carbon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads intensity time series from files of any real shape: Electricity Maps CSV exports (any
 * granularity), WattTime marginal rates (CSV, or the API's JSON), the UK Carbon Intensity API's
 * JSON, and a plain {@code time,g_per_kwh} CSV; the format is recognised from the content. UTF-8,
 * with or without a byte order mark; LF or CRLF; quoted fields.
 *
 * <p>Step semantics: a value holds from its time until the next one; rows may come in any order
 * (they are sorted, noted once), a repeated time takes the file's last row for it (noted once), the
 * resolution may change within the file, and a spacing longer than twice the local step is a gap,
 * left uncovered (see {@link IntensitySeries#gaps()}). Rows without a value are skipped.
 */
public final class SeriesFiles {
  /** Which of Electricity Maps' two figures to use. */
  public enum Basis {
    /** Emissions of combustion only. */
    DIRECT,
    /** Life-cycle emissions (plants built, fuel extracted). */
    LCA
  }

  /**
   * How to read a file.
   *
   * @param basis for Electricity Maps exports, direct or life-cycle
   * @param timeZone the zone of times written without an offset (Electricity Maps' {@code Datetime
   *     (UTC)} is always UTC); daylight-saving days come out right, see {@link #read(Path, Options)}
   */
  public record Options(Basis basis, ZoneId timeZone) {
    public Options {
      Objects.requireNonNull(basis, "basis");
      Objects.requireNonNull(timeZone, "timeZone");
    }

    /** Life-cycle figures, local times in UTC. */
    public static Options defaults() {
      return new Options(Basis.LCA, ZoneOffset.UTC);
    }

    /** These options with another basis. */
    public Options withBasis(Basis basis) {
      return new Options(basis, timeZone);
    }

    /** These options with another zone for local times. */
    public Options withTimeZone(ZoneId timeZone) {
      return new Options(basis, timeZone);
    }
  }

  private SeriesFiles() {}

  /** As {@link #read(Path, Options)} with {@code basis} and local times in UTC. */
  public static IntensitySeries read(Path file, Basis basis) throws IOException, SeriesFormatException {
    return read(file, Options.defaults().withBasis(basis));
  }

  /**
   * Reads a series file.
   *
   * <p>Local times (without an offset) are in {@code options.timeZone()}. A local time the clocks
   * skip is refused; one that happens twice (the hour after clocks go back) is summer time the
   * first time it appears in the file and winter time after that.
   *
   * @throws SeriesFormatException when the file is not one of the formats or holds a bad value;
   *     the message names the file and line
   * @throws IOException when it cannot be read
   */
  public static IntensitySeries read(Path file, Options options) throws IOException, SeriesFormatException {
    String text = decode(file);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw new SeriesFormatException(file, 0, "the file is empty");
    }
    SeriesFormat.Parsed parsed = SeriesFormat.read(file, text, options);
    if (parsed.rows().isEmpty()) {
      throw new SeriesFormatException(file, 0, "no intensity values: every row lacks one");
    }
    StepRows.Result steps = StepRows.points(file, parsed.rows(), parsed.source(), Instant.now());
    List<String> notes = new ArrayList<>(steps.notes());
    notes.addAll(parsed.notes());
    return new IntensitySeries(parsed.zone(), parsed.source(), steps.points(), notes);
  }

  private static String decode(Path file) throws IOException, SeriesFormatException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new SeriesFormatException(file, 0, "not UTF-8 text");
    }
  }
}
