package io.lowcarb.track;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/** The JSON of the store's text columns: parameters and machine. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value instanceof Map<?, ?> m ? new TreeMap<>(m) : value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
    }
  }

  static Map<String, String> parameters(String json) {
    return read(json, new TypeReference<Map<String, String>>() {});
  }

  static Machine machine(String json) {
    return read(json, new TypeReference<Machine>() {});
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new StoreException("a stored column is not the JSON expected: " + e.getOriginalMessage(), e);
    }
  }
}
