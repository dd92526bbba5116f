package io.lowcarb.schedule.provider;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One GET request to a provider.
 *
 * @param uri the full URL; it must hold no secret, since the cache keeps it (its hash names the file)
 * @param headers the request headers, tokens included; asked for only when the request is really
 *     sent, so that a cached answer needs no login
 * @param freshFor how long a cached response is used without asking the provider
 * @param cached whether the response may be cached (never for a login, whose answer is a secret)
 * @param refused what the provider refuses on 401 or 403, for the message: {@code "the token"}
 * @param hint what to do then, for the message: {@code "set LOWCARB_ELECTRICITYMAPS_TOKEN"}
 */
public record ApiCall(
    URI uri, Supplier<Map<String, String>> headers, Duration freshFor, boolean cached, String refused, String hint) {

  /** The path and query, for messages: never the host or headers. */
  public String describe() {
    String query = uri.getRawQuery();
    return uri.getRawPath() + (query == null ? "" : "?" + query);
  }

  @Override
  public String toString() {
    // The headers hold tokens: never print them.
    return "GET " + uri;
  }
}
