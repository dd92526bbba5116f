package io.lowcarb.schedule.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response before it is written: a status, a body written as JSON (none when null) and
 * extra headers.
 */
record Response(int status, Object body, Map<String, String> headers) {

  static Response ok(Object body) {
    return new Response(200, body, Map.of());
  }

  /** 200 with the body, or 204 without one when the list is empty, as the SDK answers. */
  static Response okOrNoContent(List<?> body) {
    return body.isEmpty() ? new Response(204, null, Map.of()) : ok(body);
  }

  static Response problem(Problem p) {
    return new Response(p.status(), p, Map.of());
  }

  Response with(String header, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(header, value);
    return new Response(status, body, Map.copyOf(h));
  }
}
