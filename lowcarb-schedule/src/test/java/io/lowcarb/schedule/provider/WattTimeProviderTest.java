package io.lowcarb.schedule.provider;

import static io.lowcarb.schedule.provider.ReplayServer.Reply;
import static io.lowcarb.schedule.provider.ReplayServer.resource;
import static io.lowcarb.schedule.provider.TestHttp.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lowcarb.energy.carbon.IntensityKind;
import io.lowcarb.energy.carbon.IntensityPoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WattTime v3 against canned responses in its own format, replayed on a loopback server. */
class WattTimeProviderTest {
  private static final String USER = "lowcarb-user";
  private static final String PASSWORD = "pa55-w0rd";
  private static final String BEARER = "wt-bearer-token-abc";

  @TempDir Path cacheDir;
  final ReplayServer server = new ReplayServer();
  TestHttp test = null;

  @AfterEach
  void stop() {
    server.close();
  }

  private WattTimeProvider provider() {
    if (test == null) {
      test = new TestHttp(cacheDir);
    }
    return new WattTimeProvider("CAISO_NORTH", USER, PASSWORD, server.url(""), test.settings().build());
  }

  private void cannedRoutes() {
    server.on("/login", Reply.json(resource("wt-login.json")));
    server.on("/v3/forecast", Reply.json(resource("wt-forecast.json")));
    server.on("/v3/historical", Reply.json(resource("wt-historical.json")));
  }

  @Test
  void theForecastIsConvertedFromPoundsPerMwhToGramsPerKwhAndSaysMarginal() throws Exception {
    cannedRoutes();
    WattTimeProvider wt = provider();
    List<IntensityPoint> f = wt.forecast(NOW, NOW.plus(Duration.ofHours(1)));
    assertThat(f).hasSize(12);
    IntensityPoint first = f.getFirst();
    assertThat(first.start()).isEqualTo(NOW);
    assertThat(first.duration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(first.gPerKwh()).isCloseTo(453.59237, within(1e-9));
    assertThat(f.get(1).gPerKwh()).isCloseTo(990 * 0.45359237, within(1e-9));
    assertThat(first.kind()).isEqualTo(IntensityKind.MARGINAL_FORECAST);
    assertThat(first.source()).isEqualTo("WattTime v3 marginal (co2_moer)").contains("marginal");
    assertThat(first.fetchedAt()).isEqualTo(NOW);
    assertThat(server.seen("/v3/forecast")).singleElement().satisfies(s -> {
      assertThat(s.query()).containsEntry("region", "CAISO_NORTH").containsEntry("signal_type", "co2_moer");
      assertThat(s.header("Authorization")).isEqualTo("Bearer " + BEARER);
    });
  }

  @Test
  void itLogsInWithBasicAuthOnceAndReusesTheTokenUntilItRunsOut() throws Exception {
    cannedRoutes();
    WattTimeProvider wt = provider();
    wt.forecast(NOW, NOW.plus(Duration.ofHours(1)));
    wt.historical(NOW.minus(Duration.ofHours(1)), NOW);
    assertThat(server.seen("/login")).singleElement().satisfies(s -> assertThat(s.header("Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))));

    test.clock.advance(Duration.ofMinutes(31));
    wt.forecast(NOW.plus(Duration.ofMinutes(31)), NOW.plus(Duration.ofHours(1)));
    assertThat(server.seen("/login")).hasSize(2);
  }

  @Test
  void historicalValuesAreMarginalAndBetweenJoinsThemToTheForecast() throws Exception {
    cannedRoutes();
    List<IntensityPoint> points = provider().between(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)));
    assertThat(points).hasSize(24);
    assertThat(points.getFirst().start()).isEqualTo(NOW.minus(Duration.ofHours(1)));
    assertThat(points.getFirst().gPerKwh()).isCloseTo(804 * 0.45359237, within(1e-9));
    assertThat(points.subList(0, 13)).allMatch(p -> p.kind() == IntensityKind.MARGINAL);
    assertThat(points.subList(13, 24)).allMatch(p -> p.kind() == IntensityKind.MARGINAL_FORECAST);
    for (int i = 1; i < points.size(); i++) {
      assertThat(points.get(i).start()).isEqualTo(points.get(i - 1).end());
    }
    assertThat(server.seen("/v3/historical")).singleElement().satisfies(s -> assertThat(s.query())
        .containsEntry("start", "2024-05-21T09:20:00Z").containsEntry("end", "2024-05-21T10:20:00Z")
        .containsEntry("signal_type", "co2_moer"));
  }

  @Test
  void a401OnDataLogsInOnceMoreAndRetries() throws Exception {
    cannedRoutes();
    server.queue("/v3/forecast", Reply.status(401));
    List<IntensityPoint> f = provider().forecast(NOW, NOW.plus(Duration.ofMinutes(30)));
    assertThat(f).hasSize(6);
    assertThat(server.seen("/login")).hasSize(2);
    assertThat(server.seen("/v3/forecast")).hasSize(2);
  }

  @Test
  void a401AfterLoggingInAgainIsAClearError() {
    cannedRoutes();
    server.on("/v3/forecast", Reply.status(401));
    assertThatThrownBy(() -> provider().forecast(NOW, NOW.plus(Duration.ofMinutes(30))))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("WattTime refused the request for region CAISO_NORTH (401): "
            + "check LOWCARB_WATTTIME_USER and LOWCARB_WATTTIME_PASSWORD");
    assertThat(server.seen("/login")).hasSize(2);
  }

  @Test
  void aRefusedLoginIsReportedWithoutLoggingInOverAndOver() {
    server.on("/login", Reply.status(401));
    server.on("/v3/forecast", Reply.json(resource("wt-forecast.json")));
    assertThatThrownBy(() -> provider().forecast(NOW, NOW.plus(Duration.ofMinutes(30))))
        .isInstanceOf(ProviderException.class)
        .hasMessage("WattTime refused the login (401): check LOWCARB_WATTTIME_USER and LOWCARB_WATTTIME_PASSWORD");
    assertThat(server.seen("/login")).hasSize(1);
    assertThat(server.seen("/v3/forecast")).isEmpty();
  }

  @Test
  void aCachedAnswerNeedsNoLoginAndNoSecretReachesTheCache() throws Exception {
    cannedRoutes();
    provider().forecast(NOW, NOW.plus(Duration.ofHours(1)));
    provider().forecast(NOW, NOW.plus(Duration.ofHours(1)));
    assertThat(server.seen("/login")).hasSize(1);
    assertThat(server.seen("/v3/forecast")).hasSize(1);

    List<Path> files;
    try (Stream<Path> s = Files.list(cacheDir)) {
      files = s.toList();
    }
    assertThat(files).singleElement().satisfies(f -> {
      assertThat(f.getFileName().toString()).matches("[0-9a-f]{64}\\.json").doesNotContain(USER);
      assertThat(Files.readString(f)).doesNotContain(BEARER).doesNotContain(PASSWORD).doesNotContain(USER);
    });
  }

  @Test
  void whileWattTimeIsDownTheLoginFailureFallsBackToTheCache() throws Exception {
    cannedRoutes();
    provider().forecast(NOW, NOW.plus(Duration.ofHours(1)));
    server.on("/login", Reply.status(503));
    test.clock.advance(Duration.ofMinutes(40));

    List<IntensityPoint> f = provider().forecast(NOW, NOW.plus(Duration.ofHours(1)));
    assertThat(f).isNotEmpty().allSatisfy(p -> {
      assertThat(p.source()).isEqualTo("WattTime v3 marginal (co2_moer) (stale: fetched 2024-05-21T10:20:00Z)");
      assertThat(p.fetchedAt()).isEqualTo(NOW);
    });
  }

  /** Answers /v3/historical like the API: every five minutes from start to end, both included. */
  private static Reply historical(ReplayServer.Seen request) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    ArrayNode data = root.putArray("data");
    Instant end = Instant.parse(request.query().get("end"));
    for (Instant t = Instant.parse(request.query().get("start")); !t.isAfter(end); t = t.plus(Duration.ofMinutes(5))) {
      data.addObject().put("point_time", t.toString().replace("Z", "+00:00")).put("value", 700 + t.getEpochSecond() % 97);
    }
    root.putObject("meta").put("data_point_period_seconds", 300).put("region", request.query().get("region"))
        .put("signal_type", "co2_moer").put("units", "lbs_co2_per_mwh").putArray("warnings");
    return Reply.json(root.toString());
  }

  @Test
  void aLongHistoricalRangeIsAskedForInChunksAndMergedWithoutDuplicates() throws Exception {
    server.on("/login", Reply.json(resource("wt-login.json")));
    server.answer("/v3/historical", WattTimeProviderTest::historical);
    Instant from = Instant.parse("2024-01-01T00:00:00Z");
    Instant to = Instant.parse("2024-03-11T00:00:00Z");
    List<IntensityPoint> points = provider().between(from, to);

    List<ReplayServer.Seen> requests = server.seen("/v3/historical");
    assertThat(requests).hasSize(3).allSatisfy(s -> assertThat(
        Duration.between(Instant.parse(s.query().get("start")), Instant.parse(s.query().get("end"))))
        .isLessThanOrEqualTo(WattTimeProvider.HISTORICAL_LIMIT));
    assertThat(points).hasSize(70 * 288);
    assertThat(points).extracting(IntensityPoint::start).doesNotHaveDuplicates();
    assertThat(points.getFirst().start()).isEqualTo(from);
    assertThat(points.getLast().end()).isEqualTo(to);
    for (int i = 1; i < points.size(); i++) {
      assertThat(points.get(i).start()).isEqualTo(points.get(i - 1).end());
    }
  }

  @Test
  void unexpectedUnitsAreRefusedByName() {
    server.on("/login", Reply.json(resource("wt-login.json")));
    server.on("/v3/forecast", Reply.json("{\"data\":[{\"point_time\":\"2024-05-21T10:20:00+00:00\",\"value\":1}],"
        + "\"meta\":{\"units\":\"kg_co2_per_mwh\",\"data_point_period_seconds\":300}}"));
    assertThatThrownBy(() -> provider().forecast(NOW, NOW.plus(Duration.ofHours(1))))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("WattTime sent 'meta.units' kg_co2_per_mwh where lowcarb expects lbs_co2_per_mwh in its v3/forecast response");
  }

  @Test
  void aMissingValueFieldIsNamed() {
    server.on("/login", Reply.json(resource("wt-login.json")));
    server.on("/v3/forecast", Reply.json("{\"data\":[{\"point_time\":\"2024-05-21T10:20:00+00:00\"}],\"meta\":{}}"));
    assertThatThrownBy(() -> provider().forecast(NOW, NOW.plus(Duration.ofHours(1))))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("WattTime sent no field 'data[0].value'");
  }

  @Test
  void aMissingLoginIsRefusedUpFront() {
    test = new TestHttp(cacheDir);
    assertThatThrownBy(() -> new WattTimeProvider("CAISO_NORTH", USER, null, server.url(""), test.settings().build()))
        .isInstanceOf(ProviderException.class)
        .hasMessage("WattTime needs a login: set LOWCARB_WATTTIME_USER and LOWCARB_WATTTIME_PASSWORD");
  }
}
