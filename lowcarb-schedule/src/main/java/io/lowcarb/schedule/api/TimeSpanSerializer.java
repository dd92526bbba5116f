package io.lowcarb.schedule.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Duration;

/** Writes a duration as .NET writes a TimeSpan: {@code [-][d.]hh:mm:ss[.fffffff]}. */
final class TimeSpanSerializer extends StdSerializer<Duration> {

  TimeSpanSerializer() {
    super(Duration.class);
  }

  @Override
  public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
    gen.writeString(format(value));
  }

  static String format(Duration d) {
    StringBuilder b = new StringBuilder();
    if (d.isNegative()) {
      b.append('-');
      d = d.negated();
    }
    long days = d.toDays();
    if (days > 0) {
      b.append(days).append('.');
    }
    b.append(String.format("%02d:%02d:%02d", d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart()));
    long ticks = d.toNanosPart() / 100; // .NET ticks are 100 ns
    if (ticks > 0) {
      b.append('.').append(String.format("%07d", ticks));
    }
    return b.toString();
  }
}
