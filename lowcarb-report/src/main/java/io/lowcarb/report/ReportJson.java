package io.lowcarb.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charts' data as JSON to embed in a {@code <script>} element: {@code <}, {@code >} and
 * {@code &} are written as {@code \}{@code u003C}... so that no run name can close the element.
 */
final class ReportJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static {
    MAPPER.getFactory().setCharacterEscapes(new ScriptSafe());
  }

  private ReportJson() {}

  /** {@code charts} as {@code [{"id":"chart-1","type":...,"title":...,"data":...}, ...]}. */
  static String of(List<Chart> charts) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < charts.size(); i++) {
      Chart c = charts.get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id(i));
      m.put("type", c.type());
      m.put("title", c.title());
      m.put("data", c.data());
      list.add(m);
    }
    return write(list);
  }

  /** The DOM id of the {@code i}th chart. */
  static String id(int i) {
    return "chart-" + (i + 1);
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report's data as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static final class ScriptSafe extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] escapes = standardAsciiEscapesForJSON();

    ScriptSafe() {
      escapes['<'] = ESCAPE_STANDARD;
      escapes['>'] = ESCAPE_STANDARD;
      escapes['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null; // U+2028 and U+2029 are valid in JSON and in script since ES2019
    }
  }
}
