package io.lowcarb.schedule.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** The API's JSON: instants and durations as ISO-8601 text ({@code 2023-06-01T12:00:00Z}, {@code PT2H}). */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule("lowcarb-api")
      .addSerializer(Instant.class, new ToText<>(Instant.class))
      .addSerializer(Duration.class, new ToText<>(Duration.class)));

  private Json() {}

  /** Jackson's message without its source dump, with the line and column. */
  static String brief(IOException e) {
    if (e instanceof JsonProcessingException p) {
      String where = p.getLocation() == null ? ""
          : " (line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ")";
      return p.getOriginalMessage() + where;
    }
    return e.getMessage();
  }

  private static final class ToText<T> extends StdSerializer<T> {
    ToText(Class<T> type) {
      super(type);
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(value.toString());
    }
  }
}
