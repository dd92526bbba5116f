package io.lowcarb.schedule.provider;

import static io.lowcarb.schedule.provider.ReplayServer.Reply;
import static io.lowcarb.schedule.provider.ReplayServer.resource;
import static io.lowcarb.schedule.provider.TestHttp.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lowcarb.energy.carbon.IntensityKind;
import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.IntensityUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Electricity Maps v3 against canned responses in its own format, replayed on a loopback server. */
class ElectricityMapsProviderTest {
  private static final String TOKEN = "em-test-token";
  private static final Instant HOUR = Instant.parse("2024-05-21T10:00:00Z");

  @TempDir Path cacheDir;
  final ReplayServer server = new ReplayServer();
  TestHttp test;

  @AfterEach
  void stop() {
    server.close();
  }

  private ElectricityMapsProvider provider() {
    test = new TestHttp(cacheDir);
    return new ElectricityMapsProvider("DE", TOKEN, server.url("/v3/"), test.settings().build());
  }

  private void cannedRoutes() {
    server.on("/v3/carbon-intensity/latest", Reply.json(resource("em-latest.json")));
    server.on("/v3/carbon-intensity/history", Reply.json(resource("em-history.json")));
    server.on("/v3/carbon-intensity/forecast", Reply.json(resource("em-forecast.json")));
    server.on("/v3/carbon-intensity/past-range", Reply.json(resource("em-past-range.json")));
  }

  @Test
  void latestIsTheCurrentHourWithSourceFetchTimeAndTheTokenHeader() throws Exception {
    cannedRoutes();
    ElectricityMapsProvider em = provider();
    IntensityPoint p = em.latest();
    assertThat(p).isEqualTo(new IntensityPoint(HOUR, Duration.ofHours(1), 302, IntensityKind.SERIES, "Electricity Maps v3", NOW));
    assertThat(em.at(NOW)).isEqualTo(p);
    assertThat(server.seen("/v3/carbon-intensity/latest")).first().satisfies(s -> {
      assertThat(s.header("auth-token")).isEqualTo(TOKEN);
      assertThat(s.query()).containsEntry("zone", "DE");
    });
    assertThat(em.zone()).isEqualTo("DE");
    assertThat(em.source()).isEqualTo("Electricity Maps v3");
  }

  @Test
  void historyGivesTheLastDayHourByHour() {
    cannedRoutes();
    List<IntensityPoint> h = provider().history();
    assertThat(h).hasSize(24);
    assertThat(h.getFirst().start()).isEqualTo(Instant.parse("2024-05-20T11:00:00Z"));
    assertThat(h.getLast().start()).isEqualTo(HOUR);
    assertThat(h).allMatch(p -> p.kind() == IntensityKind.SERIES && p.duration().equals(Duration.ofHours(1)));
  }

  @Test
  void theForecastIsCutToTheRangeAndEndsWhereTheHorizonDoes() throws Exception {
    cannedRoutes();
    ElectricityMapsProvider em = provider();
    List<IntensityPoint> f = em.forecast(NOW, NOW.plus(Duration.ofHours(6)));
    assertThat(f).extracting(IntensityPoint::start)
        .containsExactly(HOUR.plus(Duration.ofHours(1)), HOUR.plus(Duration.ofHours(2)), HOUR.plus(Duration.ofHours(3)),
            HOUR.plus(Duration.ofHours(4)), HOUR.plus(Duration.ofHours(5)), HOUR.plus(Duration.ofHours(6)));
    assertThat(f).allMatch(p -> p.kind() == IntensityKind.FORECAST);
    assertThat(f.getFirst().gPerKwh()).isEqualTo(320);

    assertThat(em.forecast(NOW, NOW.plus(Duration.ofHours(30)))).hasSize(24);
    assertThat(server.seen("/v3/carbon-intensity/forecast").getLast().query()).containsEntry("horizonHours", "72");
    assertThatThrownBy(() -> em.forecast(NOW.plus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(4))))
        .isInstanceOf(IntensityUnavailableException.class)
        .hasMessageContaining("its forecast covers 2024-05-21T11:00:00Z to 2024-05-22T11:00:00Z");
  }

  @Test
  void betweenJoinsMeasuredHoursAndTheForecastAtNow() throws Exception {
    cannedRoutes();
    List<IntensityPoint> points = provider().between(NOW.minus(Duration.ofHours(3)), NOW.plus(Duration.ofHours(3)));
    assertThat(points).extracting(IntensityPoint::kind).containsExactly(
        IntensityKind.SERIES, IntensityKind.SERIES, IntensityKind.SERIES, IntensityKind.SERIES,
        IntensityKind.FORECAST, IntensityKind.FORECAST, IntensityKind.FORECAST);
    for (int i = 1; i < points.size(); i++) {
      assertThat(points.get(i).start()).isEqualTo(points.get(i - 1).end());
    }
    assertThat(server.seen("/v3/carbon-intensity/history")).hasSize(1);
    assertThat(server.seen("/v3/carbon-intensity/past-range")).isEmpty();
  }

  @Test
  void anOldRangeComesFromPastRange() throws Exception {
    cannedRoutes();
    Instant from = Instant.parse("2024-05-01T01:30:00Z");
    List<IntensityPoint> points = provider().between(from, Instant.parse("2024-05-01T04:00:00Z"));
    assertThat(points).extracting(IntensityPoint::gPerKwh).containsExactly(390.0, 380.0, 370.0);
    assertThat(server.seen("/v3/carbon-intensity/past-range")).singleElement().satisfies(s -> {
      assertThat(s.query()).containsEntry("start", "2024-05-01T01:00:00Z").containsEntry("end", "2024-05-01T04:00:00Z");
      assertThat(s.header("auth-token")).isEqualTo(TOKEN);
    });
  }

  /** Answers past-range like the API: every hour from start to end, both included. */
  private static Reply pastRange(ReplayServer.Seen request) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode().put("zone", request.query().get("zone"));
    ArrayNode data = root.putArray("data");
    Instant end = Instant.parse(request.query().get("end"));
    for (Instant t = Instant.parse(request.query().get("start")); !t.isAfter(end); t = t.plus(Duration.ofHours(1))) {
      data.addObject().put("zone", "DE").put("carbonIntensity", 100 + t.getEpochSecond() / 3600 % 50)
          .put("datetime", t.toString()).put("emissionFactorType", "lifecycle").put("isEstimated", false)
          .put("temporalGranularity", "hourly");
    }
    return Reply.json(root.toString());
  }

  @Test
  void aLongPastRangeIsAskedForInChunksOfTenDaysAndMergedWithoutDuplicates() throws Exception {
    server.answer("/v3/carbon-intensity/past-range", ElectricityMapsProviderTest::pastRange);
    Instant from = Instant.parse("2024-04-01T00:00:00Z");
    Instant to = Instant.parse("2024-04-26T00:00:00Z");
    List<IntensityPoint> points = provider().between(from, to);

    List<ReplayServer.Seen> requests = server.seen("/v3/carbon-intensity/past-range");
    assertThat(requests).hasSize(3).allSatisfy(s -> {
      Duration span = Duration.between(Instant.parse(s.query().get("start")), Instant.parse(s.query().get("end")));
      assertThat(span).isLessThanOrEqualTo(ElectricityMapsProvider.PAST_RANGE_LIMIT);
    });
    assertThat(requests.getFirst().query()).containsEntry("start", "2024-04-01T00:00:00Z");
    assertThat(requests.getLast().query()).containsEntry("end", "2024-04-26T00:00:00Z");
    assertThat(points).hasSize(25 * 24);
    assertThat(points).extracting(IntensityPoint::start).doesNotHaveDuplicates();
    assertThat(points.getFirst().start()).isEqualTo(from);
    assertThat(points.getLast().end()).isEqualTo(to);
    for (int i = 1; i < points.size(); i++) {
      assertThat(points.get(i).start()).isEqualTo(points.get(i - 1).end());
    }
  }

  @Test
  void whileTheApiIsDownCachedValuesStandInLabelledStale() throws Exception {
    cannedRoutes();
    ElectricityMapsProvider em = provider();
    em.between(NOW.minus(Duration.ofHours(3)), NOW.plus(Duration.ofHours(3)));
    server.on("/v3/carbon-intensity/history", Reply.status(503));
    server.on("/v3/carbon-intensity/forecast", Reply.status(503));
    test.clock.advance(Duration.ofMinutes(30));

    List<IntensityPoint> points = em.between(NOW.minus(Duration.ofHours(3)), NOW.plus(Duration.ofHours(3)));
    assertThat(points).hasSize(7).allSatisfy(p -> {
      assertThat(p.source()).isEqualTo("Electricity Maps v3 (stale: fetched 2024-05-21T10:20:00Z)");
      assertThat(p.fetchedAt()).isEqualTo(NOW);
    });
  }

  @Test
  void whileTheApiIsDownWithNothingCachedTheErrorSaysSo() {
    server.on("/v3/carbon-intensity/forecast", Reply.status(500));
    ElectricityMapsProvider em = provider();
    assertThatThrownBy(() -> em.forecast(NOW, NOW.plus(Duration.ofHours(2))))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("Electricity Maps answered HTTP 500 (3 attempts) for /v3/carbon-intensity/forecast?zone=DE")
        .hasMessageContaining("no earlier response is cached");
  }

  @Test
  void aRefusedTokenSaysWhichVariableToSet() {
    server.on("/v3/carbon-intensity/latest", Reply.status(401));
    assertThatThrownBy(() -> provider().latest())
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("Electricity Maps refused the token (401): set LOWCARB_ELECTRICITYMAPS_TOKEN");
  }

  @Test
  void malformedJsonAndMissingFieldsAreNamed() {
    server.on("/v3/carbon-intensity/latest", Reply.json("{\"zone\":\"DE\",\"carbonIntensity\":30"));
    server.on("/v3/carbon-intensity/history",
        Reply.json("{\"zone\":\"DE\",\"history\":[{\"carbonIntensity\":1,\"datetime\":\"2024-05-21T09:00:00.000Z\"},{\"carbonIntensity\":2}]}"));
    server.on("/v3/carbon-intensity/forecast", Reply.json("{\"zone\":\"DE\",\"updatedAt\":\"2024-05-21T10:00:00.000Z\"}"));
    ElectricityMapsProvider em = provider();
    assertThatThrownBy(em::latest).isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("Electricity Maps sent malformed JSON")
        .hasMessageContaining("carbon-intensity/latest response");
    assertThatThrownBy(em::history).isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("Electricity Maps sent no field 'history[1].datetime' in its carbon-intensity/history response");
    assertThatThrownBy(() -> em.forecast(NOW, NOW.plusSeconds(3600))).isInstanceOf(ProviderException.class)
        .hasMessageContaining("no field 'forecast'");
  }

  @Test
  void aBrokenAnswerIsNeverCachedSoTheNextCallAsksAgain() throws Exception {
    server.queue("/v3/carbon-intensity/history", Reply.json("{\"zone\":\"DE\",\"history\":[{\"carbonIntensity\":1}]}"));
    server.on("/v3/carbon-intensity/history", Reply.json(resource("em-history.json")));
    ElectricityMapsProvider em = provider();
    assertThatThrownBy(em::history).isInstanceOf(ProviderException.class);
    assertThat(cacheDir).isEmptyDirectory();
    assertThat(em.history()).hasSize(24);
    assertThat(server.seen("/v3/carbon-intensity/history")).hasSize(2);
    try (var files = java.nio.file.Files.list(cacheDir)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void aNullValueIsAGapThatBetweenDoesNotPaperOver() {
    server.on("/v3/carbon-intensity/history", Reply.json("{\"zone\":\"DE\",\"history\":["
        + "{\"carbonIntensity\":1,\"datetime\":\"2024-05-21T07:00:00.000Z\"},"
        + "{\"carbonIntensity\":null,\"datetime\":\"2024-05-21T08:00:00.000Z\"},"
        + "{\"carbonIntensity\":3,\"datetime\":\"2024-05-21T09:00:00.000Z\"}]}"));
    ElectricityMapsProvider em = provider();
    assertThat(em.history()).extracting(IntensityPoint::gPerKwh).containsExactly(1.0, 3.0);
    assertThatThrownBy(() -> em.between(Instant.parse("2024-05-21T07:30:00Z"), Instant.parse("2024-05-21T09:30:00Z")))
        .isInstanceOf(IntensityUnavailableException.class)
        .hasMessageContaining("2024-05-21T08:00:00Z");
  }

  @Test
  void aMissingTokenIsRefusedUpFront() {
    test = new TestHttp(cacheDir);
    assertThatThrownBy(() -> new ElectricityMapsProvider("DE", " ", server.url("/v3"), test.settings().build()))
        .isInstanceOf(ProviderException.class)
        .hasMessage("Electricity Maps needs an API token: set LOWCARB_ELECTRICITYMAPS_TOKEN");
  }
}
