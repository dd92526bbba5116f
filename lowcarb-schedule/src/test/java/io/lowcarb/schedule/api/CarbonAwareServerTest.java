package io.lowcarb.schedule.api;

import static io.lowcarb.schedule.api.Api.contentType;
import static io.lowcarb.schedule.api.Api.fields;
import static io.lowcarb.schedule.api.Api.json;
import static io.lowcarb.schedule.api.Hourly.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.lowcarb.energy.carbon.IntensitySeries;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CarbonAwareServerTest {
  static final double[] A = CarbonAwareQueriesTest.A;
  static final double[] B = CarbonAwareQueriesTest.B;
  static CarbonAwareServer server;
  static Api api;

  static Catalog catalog() {
    Map<String, IntensitySeries> series = new LinkedHashMap<>();
    series.put("A", Hourly.series("A", A));
    series.put("B", Hourly.series("B", B));
    return Catalog.ofSeries(series);
  }

  @BeforeAll
  static void start() throws IOException {
    server = CarbonAwareServer.builder(catalog()).port(0).threads(2)
        .clock(InstantSource.fixed(at(2.5))).forecastHorizon(Duration.ofHours(6)).start();
    api = new Api(server.uri());
  }

  @AfterAll
  static void stop() {
    if (server != null) { // null where start() failed
      server.close();
    }
  }

  private static void assertProblem(HttpResponse<String> r, int status, String parameter, String text) throws IOException {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(contentType(r)).isEqualTo("application/problem+json; charset=utf-8");
    JsonNode p = json(r);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("type").asText()).startsWith("https://tools.ietf.org/html/rfc9110#section-15.");
    assertThat(p.get("detail").asText()).contains(text);
    if (parameter != null) {
      assertThat(p.get("errors").get(parameter).get(0).asText()).contains(text);
    }
  }

  @Test
  void byLocationListsEmissionsDataWithTimeSpanDurations() throws Exception {
    HttpResponse<String> r = api.get("/emissions/bylocation?location=A&time=2023-06-01T01:30:00Z&toTime=2023-06-01T04:00:00Z");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(contentType(r)).isEqualTo("application/json; charset=utf-8");
    JsonNode body = json(r);
    assertThat(body).hasSize(3);
    for (int i = 0; i < 3; i++) {
      JsonNode e = body.get(i);
      assertThat(fields(e)).containsExactly("location", "time", "rating", "duration");
      assertThat(e.get("location").asText()).isEqualTo("A");
      assertThat(e.get("time").asText()).isEqualTo("2023-06-01T0" + (i + 1) + ":00:00Z");
      assertThat(e.get("rating").asDouble()).isEqualTo(A[i + 1]);
      assertThat(e.get("duration").asText()).isEqualTo("01:00:00");
    }
  }

  @Test
  void withoutATimeItIsThePeriodInEffectNowAndNoDataIs204() throws Exception {
    JsonNode now = json(api.get("/emissions/bylocation?location=A"));
    assertThat(now).hasSize(1);
    assertThat(now.get(0).get("time").asText()).isEqualTo("2023-06-01T02:00:00Z");
    HttpResponse<String> none = api.get("/emissions/bylocation?location=A&time=2024-01-01");
    assertThat(none.statusCode()).isEqualTo(204);
    assertThat(none.body()).isEmpty();
  }

  @Test
  void byLocationsTakesRepeatedLocationsAndBestTakesTheLowest() throws Exception {
    String range = "&time=2023-06-01T00:00:00Z&toTime=2023-06-01T12:00:00Z";
    JsonNode all = json(api.get("/emissions/bylocations?location=A&location=B" + range));
    assertThat(all).hasSize(24);
    assertThat(all.get(0).get("location").asText()).isEqualTo("A");
    assertThat(all.get(12).get("location").asText()).isEqualTo("B");
    // The lowest by brute force over both series.
    String bestZone = "A";
    int bestHour = 0;
    double best = Double.MAX_VALUE;
    for (int h = 0; h < 12; h++) {
      if (A[h] < best) {
        best = A[h];
        bestZone = "A";
        bestHour = h;
      }
      if (B[h] < best) {
        best = B[h];
        bestZone = "B";
        bestHour = h;
      }
    }
    JsonNode top = json(api.get("/emissions/bylocations/best?location=A&location=B" + range));
    assertThat(top).hasSize(1);
    assertThat(fields(top.get(0))).containsExactly("location", "time", "rating", "duration");
    assertThat(top.get(0).get("location").asText()).isEqualTo(bestZone);
    assertThat(top.get(0).get("time").asText()).isEqualTo(at(bestHour).toString());
    assertThat(top.get(0).get("rating").asDouble()).isEqualTo(best);
    // The documentation's spelling, "locations", is taken too.
    assertThat(json(api.get("/emissions/bylocations?locations=A&locations=B" + range))).hasSize(24);
  }

  @Test
  void theCurrentForecastHasTheSdkShapeAndTheBruteForceOptimum() throws Exception {
    HttpResponse<String> r = api.get("/emissions/forecasts/current?location=A"
        + "&dataStartAt=2023-06-01T00:00:00Z&dataEndAt=2023-06-01T12:00:00Z&windowSize=120");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode list = json(r);
    assertThat(list).hasSize(1);
    JsonNode f = list.get(0);
    assertThat(fields(f)).containsExactly("generatedAt", "requestedAt", "location", "dataStartAt", "dataEndAt",
        "windowSize", "optimalDataPoints", "forecastData");
    assertThat(f.get("requestedAt").asText()).isEqualTo("2023-06-01T02:30:00Z");
    assertThat(f.get("generatedAt").asText()).isEqualTo("2023-06-01T00:00:00Z");
    assertThat(f.get("dataStartAt").asText()).isEqualTo("2023-06-01T00:00:00Z");
    assertThat(f.get("dataEndAt").asText()).isEqualTo("2023-06-01T12:00:00Z");
    assertThat(f.get("windowSize").asInt()).isEqualTo(120);
    int bestHour = 0;
    for (int h = 0; h < 11; h++) {
      double mean = (A[h] + A[h + 1]) / 2;
      JsonNode p = f.get("forecastData").get(h);
      assertThat(fields(p)).containsExactly("location", "timestamp", "duration", "value");
      assertThat(p.get("timestamp").asText()).isEqualTo(at(h).toString());
      assertThat(p.get("duration").asInt()).isEqualTo(120);
      assertThat(p.get("value").asDouble()).isCloseTo(mean, within(1e-9));
      if (mean < (A[bestHour] + A[bestHour + 1]) / 2) {
        bestHour = h;
      }
    }
    assertThat(f.get("forecastData")).hasSize(11);
    JsonNode optimal = f.get("optimalDataPoints");
    assertThat(optimal).hasSize(1);
    assertThat(optimal.get(0).get("timestamp").asText()).isEqualTo(at(bestHour).toString());
    assertThat(optimal.get(0).get("value").asDouble()).isCloseTo((A[bestHour] + A[bestHour + 1]) / 2, within(1e-9));
    assertThat(optimal.get(0).get("location").asText()).isEqualTo("A");
  }

  @Test
  void aForecastPerLocation() throws Exception {
    JsonNode list = json(api.get("/emissions/forecasts/current?location=A&location=B&windowSize=60"));
    assertThat(list).hasSize(2);
    assertThat(list.get(1).get("location").asText()).isEqualTo("B");
    assertThat(list.get(1).get("optimalDataPoints").get(0).get("value").asDouble()).isEqualTo(50);
  }

  @Test
  void theAverageIsTimeWeightedOverThePeriod() throws Exception {
    HttpResponse<String> r = api.get("/emissions/average-carbon-intensity?location=A"
        + "&startTime=2023-06-01T00:30:00Z&endTime=2023-06-01T03:15:00Z");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode c = json(r);
    assertThat(fields(c)).containsExactly("location", "startTime", "endTime", "carbonIntensity");
    assertThat(c.get("startTime").asText()).isEqualTo("2023-06-01T00:30:00Z");
    assertThat(c.get("endTime").asText()).isEqualTo("2023-06-01T03:15:00Z");
    assertThat(c.get("carbonIntensity").asDouble()).isCloseTo((A[0] * 30 + A[1] * 60 + A[2] * 60 + A[3] * 15) / 165,
        within(1e-9));
  }

  @Test
  void averagesInABatch() throws Exception {
    String body = "[{\"location\":\"A\",\"startTime\":\"2023-06-01T00:00:00Z\",\"endTime\":\"2023-06-01T02:00:00Z\"},"
        + "{\"location\":\"B\",\"startTime\":\"2023-06-01T03:00:00Z\",\"endTime\":\"2023-06-01T04:00:00Z\"}]";
    HttpResponse<String> r = api.send("POST", "/emissions/average-carbon-intensity/batch", body);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode list = json(r);
    assertThat(list.get(0).get("carbonIntensity").asDouble()).isEqualTo((A[0] + A[1]) / 2);
    assertThat(list.get(1).get("carbonIntensity").asDouble()).isEqualTo(B[3]);
    assertProblem(api.send("POST", "/emissions/average-carbon-intensity/batch", "[{"), 400, "body", "not valid JSON");
  }

  @Test
  void locationsAreListedByName() throws Exception {
    JsonNode l = json(api.get("/locations"));
    assertThat(fields(l)).containsExactly("A", "B");
    assertThat(l.get("A").get("name").asText()).isEqualTo("A");
  }

  @Test
  void badParametersAre400WithTheParameterNamed() throws Exception {
    assertProblem(api.get("/emissions/bylocation?location=A&time=yesterday"), 400, "time", "'yesterday' is not valid for time");
    assertProblem(api.get("/emissions/bylocation?time=2023-06-01"), 400, "location", "location is required");
    assertProblem(api.get("/emissions/bylocations?location=A&location=XX"), 400, "location", "unknown location 'XX'");
    assertProblem(api.get("/emissions/bylocation?location=A&toTime=2023-06-01"), 400, "time", "time must be given");
    assertProblem(api.get("/emissions/forecasts/current?location=A&windowSize=abc"), 400, "windowSize", "whole number");
    assertProblem(api.get("/emissions/forecasts/current?location=A&dataStartAt=2023-06-01T05:00:00Z"
        + "&dataEndAt=2023-06-01T01:00:00Z"), 400, "dataStartAt", "must be before dataEndAt");
    assertProblem(api.get("/emissions/forecasts/current?location=A&dataStartAt=2023-07-01T00:00:00Z"), 400,
        "dataStartAt", "no forecast for A");
    assertProblem(api.get("/emissions/average-carbon-intensity?location=A&endTime=2023-06-01T03:00:00Z"), 400,
        "startTime", "startTime is required");
    assertProblem(api.get("/emissions/average-carbon-intensity?location=A&startTime=2023-06-01T10:00:00Z"
        + "&endTime=2023-06-01T14:00:00Z"), 400, "startTime", "does not cover");
    assertProblem(api.get("/emissions/bylocation?location=A&location=B"), 400, "location", "given 2 times");
    assertThat(json(api.get("/emissions/bylocation?location=nowhere")).get("title").asText())
        .isEqualTo("One or more validation errors occurred.");
  }

  @Test
  void routesAndParameterNamesIgnoreCaseAndOffsetsSurviveAnUnescapedPlus() throws Exception {
    HttpResponse<String> r = api.get("/Emissions/ByLocation/?Location=a&TIME=2023-06-01T03:00:00+02:00");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get(0).get("time").asText()).isEqualTo("2023-06-01T01:00:00Z");
  }

  @Test
  void unknownPathsAre404AndWrongMethods405() throws Exception {
    assertProblem(api.get("/emissions/nothing"), 404, null, "/emissions/nothing");
    HttpResponse<String> wrong = api.send("DELETE", "/emissions/bylocation?location=A", null);
    assertProblem(wrong, 405, null, "DELETE is not allowed");
    assertThat(wrong.headers().firstValue("Allow")).contains("GET");
    assertProblem(api.get("/jobs"), 404, null, "/jobs"); // no job queue attached
  }

  @Test
  void bindsLoopbackByDefaultAndStopsOnClose() throws Exception {
    CarbonAwareServer s = CarbonAwareServer.builder(catalog()).port(0).start();
    Api other = new Api(s.uri());
    try {
      assertThat(s.address().getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
      assertThat(s.uri().toString()).startsWith("http://127.0.0.1:");
      assertThat(other.get("/locations").statusCode()).isEqualTo(200);
    } finally {
      s.close();
      s.close();
    }
    assertThatThrownBy(() -> other.get("/locations")).isInstanceOf(IOException.class);
  }

  @Test
  void theBuilderRefusesBadSettings() {
    assertThatThrownBy(() -> CarbonAwareServer.builder(catalog()).port(70000)).hasMessageContaining("70000");
    assertThatThrownBy(() -> CarbonAwareServer.builder(catalog()).threads(0)).hasMessageContaining("at least one thread");
    assertThatThrownBy(() -> CarbonAwareServer.builder(catalog()).jobs(null, " ")).hasMessageContaining("bearer token");
  }
}
