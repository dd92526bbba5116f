package io.lowcarb.schedule.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a job request from JSON: {@code {"name", "command": [...], "zone", "durationEstimate":
 * "PT2H" or "2h", "deadline": ISO time, "interruptible": false}}. Each mistake is named: bad JSON,
 * a missing or mistyped field, an unknown field.
 */
final class JobRequests {
  private static final Set<String> FIELDS = Set.of("name", "command", "zone", "durationEstimate", "deadline", "interruptible");
  private static final String FIELD_LIST = "name, command, zone, durationEstimate, deadline, interruptible";

  private JobRequests() {}

  static JobRequest parse(byte[] body) {
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new InvalidRequestException("body", "the body is not valid JSON: " + Json.brief(e));
    }
    if (json == null || !json.isObject()) {
      throw new InvalidRequestException("body", "the body must be a JSON object with the fields " + FIELD_LIST);
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String n = names.next();
      if (!FIELDS.contains(n)) {
        throw new InvalidRequestException(n, "unknown field '" + n + "'; the fields are " + FIELD_LIST);
      }
    }
    String name = text(json, "name");
    String zone = text(json, "zone");
    Duration duration = Texts.duration("durationEstimate", text(json, "durationEstimate"));
    Instant deadline = Texts.instant("deadline", text(json, "deadline"));
    JsonNode interruptible = json.get("interruptible");
    if (interruptible != null && !interruptible.isNull() && !interruptible.isBoolean()) {
      throw new InvalidRequestException("interruptible", "interruptible must be true or false");
    }
    boolean mayPause = interruptible != null && interruptible.asBoolean();
    return new JobRequest(name, command(json), zone, duration, deadline, mayPause);
  }

  private static String text(JsonNode json, String field) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      throw new InvalidRequestException(field, field + " is required");
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new InvalidRequestException(field, field + " must be a non-empty string");
    }
    return v.asText();
  }

  private static List<String> command(JsonNode json) {
    JsonNode v = json.get("command");
    if (v == null || v.isNull()) {
      throw new InvalidRequestException("command", "command is required");
    }
    if (!v.isArray() || v.isEmpty()) {
      throw new InvalidRequestException("command", "command must be a non-empty array of strings: the program and its arguments");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode part : v) {
      if (!part.isTextual()) {
        throw new InvalidRequestException("command", "command must be an array of strings, found " + part);
      }
      out.add(part.asText());
    }
    return out;
  }
}
