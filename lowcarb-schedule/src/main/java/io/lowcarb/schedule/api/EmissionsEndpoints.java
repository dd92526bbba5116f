package io.lowcarb.schedule.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SDK's routes: {@code /emissions/...} and {@code /locations}, over {@link CarbonAwareQueries}. */
final class EmissionsEndpoints {
  private final CarbonAwareQueries queries;

  EmissionsEndpoints(CarbonAwareQueries queries) {
    this.queries = queries;
  }

  /** Adds the routes to a router. */
  void addTo(Router router) {
    router.add("GET", "/emissions/bylocation", this::byLocation)
        .add("GET", "/emissions/bylocations", this::byLocations)
        .add("GET", "/emissions/bylocations/best", this::best)
        .add("GET", "/emissions/forecasts/current", this::currentForecast)
        .add("GET", "/emissions/average-carbon-intensity", this::average)
        .add("POST", "/emissions/average-carbon-intensity/batch", this::averageBatch)
        .add("GET", "/locations", this::locations);
  }

  private Response byLocation(Request r) {
    String location = r.query().single("location");
    List<String> one = location == null ? List.of() : List.of(location);
    return Response.okOrNoContent(queries.emissions(one, r.query().instant("time"), r.query().instant("toTime")));
  }

  // The SDK binds "location"; its documentation's examples say "locations": both are taken.
  private Response byLocations(Request r) {
    checkDuration(r);
    return Response.okOrNoContent(queries.emissions(r.query().all("location", "locations"),
        r.query().instant("time"), r.query().instant("toTime")));
  }

  private Response best(Request r) {
    checkDuration(r);
    return Response.okOrNoContent(queries.best(r.query().all("location", "locations"),
        r.query().instant("time"), r.query().instant("toTime")));
  }

  // Older SDK versions take durationMinutes here and do not use it: accepted when well formed.
  private static void checkDuration(Request r) {
    Integer minutes = r.query().integer("durationMinutes");
    if (minutes != null && minutes < 0) {
      throw new InvalidRequestException("durationMinutes", "durationMinutes must be >= 0, got " + minutes);
    }
  }

  private Response currentForecast(Request r) {
    List<String> locations = r.query().all("location", "locations");
    if (locations.stream().allMatch(String::isBlank)) {
      throw new InvalidRequestException("location", "location is required (repeat it for several locations)");
    }
    List<EmissionsForecast> out = new ArrayList<>();
    for (String l : locations) {
      if (!l.isBlank()) {
        out.add(queries.currentForecast(l, r.query().instant("dataStartAt"), r.query().instant("dataEndAt"),
            r.query().integer("windowSize")));
      }
    }
    return Response.ok(out);
  }

  private Response average(Request r) {
    return Response.ok(queries.average(r.query().single("location"), r.query().instant("startTime"),
        r.query().instant("endTime")));
  }

  private Response averageBatch(Request r) {
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new InvalidRequestException("body", "the body is not valid JSON: " + Json.brief(e));
    }
    if (body == null || !body.isArray()) {
      throw new InvalidRequestException("body",
          "the body must be a JSON array of {\"location\", \"startTime\", \"endTime\"} objects");
    }
    List<CarbonIntensity> out = new ArrayList<>();
    for (JsonNode item : body) {
      out.add(queries.average(text(item, "location"), time(item, "startTime"), time(item, "endTime")));
    }
    return Response.ok(out);
  }

  private static String text(JsonNode item, String field) {
    JsonNode v = item.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Instant time(JsonNode item, String field) {
    String v = text(item, field);
    return v == null ? null : Texts.instant(field, v);
  }

  private Response locations(Request r) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (Catalog.Location l : queries.catalog().locations()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("latitude", null);
      entry.put("longitude", null);
      entry.put("name", l.name());
      out.put(l.name(), entry);
    }
    return out.isEmpty() ? new Response(204, null, Map.of()) : Response.ok(out);
  }
}
