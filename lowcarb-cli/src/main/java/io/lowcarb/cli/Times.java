package io.lowcarb.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Parses ISO-8601 times with an offset ({@code 2023-06-01T00:00Z}, {@code 2023-06-01T02:00+02:00}). */
final class Times implements CommandLine.ITypeConverter<Instant> {
  @Override
  public Instant convert(String value) {
    try {
      return OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not an ISO-8601 time with an offset (example: 2023-06-01T00:00Z)");
    }
  }
}
