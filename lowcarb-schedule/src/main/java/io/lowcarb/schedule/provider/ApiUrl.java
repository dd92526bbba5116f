package io.lowcarb.schedule.provider;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Building request URLs from a base URL, a path and query parameters. */
final class ApiUrl {
  private ApiUrl() {}

  /**
   * The base URL without a trailing slash.
   *
   * @throws IllegalArgumentException when it is not an absolute http or https URL
   */
  static String base(URI base, String what) {
    String scheme = base.getScheme();
    if (!base.isAbsolute() || base.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
      throw new IllegalArgumentException(what + " must be an http or https URL such as https://example.org/v3, got " + base);
    }
    String s = base.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** {@code base/path?k=v&...}, the values URL-encoded, in the map's order. */
  static URI of(String base, String path, Map<String, String> params) {
    String query = params.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return URI.create(base + "/" + path + (query.isEmpty() ? "" : "?" + query));
  }
}
