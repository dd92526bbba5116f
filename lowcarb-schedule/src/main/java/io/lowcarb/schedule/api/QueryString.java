package io.lowcarb.schedule.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request's query parameters. Names match without regard to case and may repeat, as in
 * ASP.NET's model binding.
 */
final class QueryString {
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  /** @param raw the raw (still encoded) query, or null */
  QueryString(String raw) {
    if (raw == null || raw.isEmpty()) {
      return;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      values.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("query", "the query string has a malformed %-escape in '" + s + "'");
    }
  }

  /** Every value given for any of the names, in order. */
  List<String> all(String... names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      out.addAll(values.getOrDefault(n.toLowerCase(Locale.ROOT), List.of()));
    }
    return out;
  }

  /** The value of a parameter given at most once, or null when absent or empty. */
  String single(String name) {
    List<String> v = all(name);
    if (v.size() > 1) {
      throw new InvalidRequestException(name, name + " is given " + v.size() + " times; give it once");
    }
    return v.isEmpty() || v.getFirst().isBlank() ? null : v.getFirst();
  }

  /** A time parameter, or null when absent. */
  Instant instant(String name) {
    String v = single(name);
    return v == null ? null : Texts.instant(name, v);
  }

  /** A whole-number parameter, or null when absent. */
  Integer integer(String name) {
    String v = single(name);
    if (v == null) {
      return null;
    }
    try {
      return Integer.valueOf(v.trim());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name, "the value '" + v + "' is not valid for " + name + ": give a whole number");
    }
  }
}
