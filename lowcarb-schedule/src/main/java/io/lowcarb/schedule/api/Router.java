package io.lowcarb.schedule.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Routes such as {@code /emissions/bylocation} and {@code /jobs/{id}} to endpoints by method.
 * Literal segments match without regard to case and a trailing slash is ignored, as in ASP.NET.
 */
final class Router {

  /**
   * A matched route.
   *
   * @param endpoints its endpoints by method
   * @param parameters the values of its {@code {name}} segments
   */
  record Match(Map<String, Endpoint> endpoints, Map<String, String> parameters) {}

  private record Route(List<String> segments, Map<String, Endpoint> endpoints) {}

  private final List<Route> routes = new ArrayList<>();

  /** Adds an endpoint for {@code method} on {@code template}. */
  Router add(String method, String template, Endpoint endpoint) {
    List<String> segments = split(template);
    for (Route r : routes) {
      if (r.segments().equals(segments)) {
        r.endpoints().put(method, endpoint);
        return this;
      }
    }
    Map<String, Endpoint> byMethod = new LinkedHashMap<>();
    byMethod.put(method, endpoint);
    routes.add(new Route(segments, byMethod));
    return this;
  }

  /** The route for a decoded path, if any. */
  Optional<Match> match(String path) {
    List<String> given = split(path);
    for (Route r : routes) {
      if (r.segments().size() != given.size()) {
        continue;
      }
      Map<String, String> parameters = new LinkedHashMap<>();
      boolean matches = true;
      for (int i = 0; i < given.size() && matches; i++) {
        String s = r.segments().get(i);
        if (s.startsWith("{") && s.endsWith("}")) {
          parameters.put(s.substring(1, s.length() - 1), given.get(i));
        } else {
          matches = s.equalsIgnoreCase(given.get(i));
        }
      }
      if (matches) {
        return Optional.of(new Match(Collections.unmodifiableMap(r.endpoints()), Map.copyOf(parameters)));
      }
    }
    return Optional.empty();
  }

  private static List<String> split(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** The methods of a match, for an Allow header. */
  static String allow(Match m) {
    return String.join(", ", m.endpoints().keySet()).toUpperCase(Locale.ROOT);
  }
}
