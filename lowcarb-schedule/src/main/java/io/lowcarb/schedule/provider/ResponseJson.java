package io.lowcarb.schedule.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads a provider's JSON, turning every missing or mistyped field into one {@link
 * ProviderException} that names the provider, the endpoint and the field.
 */
final class ResponseJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String provider;
  private final String endpoint;

  /**
   * @param provider the provider's name
   * @param endpoint the endpoint the body came from, for messages: {@code carbon-intensity/latest}
   */
  ResponseJson(String provider, String endpoint) {
    this.provider = provider;
    this.endpoint = endpoint;
  }

  JsonNode parse(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || root.isMissingNode()) {
        throw bad("an empty body");
      }
      return root;
    } catch (JsonProcessingException e) {
      String why = e.getOriginalMessage() == null ? "" : ": " + e.getOriginalMessage().lines().findFirst().orElse("");
      throw bad("malformed JSON" + why);
    }
  }

  /** The field {@code field} of {@code node}, present and not null; {@code where} is its parent's path. */
  JsonNode field(JsonNode node, String where, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw bad("no field '" + path(where, field) + "'");
    }
    return value;
  }

  JsonNode array(JsonNode node, String where, String field) {
    JsonNode value = field(node, where, field);
    if (!value.isArray()) {
      throw bad("'" + path(where, field) + "' that is not a list");
    }
    return value;
  }

  double number(JsonNode node, String where, String field) {
    JsonNode value = field(node, where, field);
    if (!value.isNumber()) {
      throw bad("'" + path(where, field) + "' that is not a number: " + value);
    }
    return value.asDouble();
  }

  /** A carbon intensity or emission rate: a finite number, at least 0. */
  double intensity(JsonNode node, String where, String field) {
    double value = number(node, where, field);
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw bad("a negative or infinite '" + path(where, field) + "': " + value);
    }
    return value;
  }

  /** Whether {@code field} is present but null: the provider has no value for that period. */
  static boolean isNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isNull();
  }

  String text(JsonNode node, String where, String field) {
    JsonNode value = field(node, where, field);
    if (!value.isTextual()) {
      throw bad("'" + path(where, field) + "' that is not text: " + value);
    }
    return value.asText();
  }

  /** An ISO-8601 time with {@code Z} or an offset, seconds optional: {@code 2018-01-20T12:00Z}. */
  Instant time(JsonNode node, String where, String field) {
    String value = text(node, where, field);
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw bad("'" + path(where, field) + "' that is not an ISO-8601 time: " + value);
    }
  }

  /** A failure to read the response, naming the provider and endpoint. */
  ProviderException bad(String what) {
    return new ProviderException(provider, 200,
        provider + " sent " + what + " in its " + endpoint + " response: its API may have changed, or the URL points elsewhere");
  }

  private static String path(String where, String field) {
    return where.isEmpty() ? field : where + "." + field;
  }
}
