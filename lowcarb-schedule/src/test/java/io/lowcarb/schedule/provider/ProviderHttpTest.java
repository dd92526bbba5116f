package io.lowcarb.schedule.provider;

import static io.lowcarb.schedule.provider.ReplayServer.Reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries, refusals, timeouts and the cache of the shared HTTP layer, against a loopback server. */
class ProviderHttpTest {
  private static final String TOKEN = "em-secret-token-123";
  private static final String BODY = "{\"zone\":\"DE\",\"carbonIntensity\":302}";

  @TempDir Path cacheDir;
  final ReplayServer server = new ReplayServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private TestHttp test() {
    return new TestHttp(cacheDir);
  }

  private static ApiCall call(URI uri) {
    return new ApiCall(uri, () -> Map.of("auth-token", TOKEN), Duration.ofMinutes(10), true, "the token",
        "set LOWCARB_ELECTRICITYMAPS_TOKEN");
  }

  private URI latest() {
    return server.url("/v3/carbon-intensity/latest?zone=DE");
  }

  @Test
  void aSuccessReturnsTheBodyAndFetchTimeAndSendsTheHeaders() {
    server.on("/v3/carbon-intensity/latest", Reply.json(BODY));
    TestHttp t = test();
    Fetched f = new ProviderHttp("Electricity Maps", t.settings().build()).get(call(latest()));
    assertThat(f.body()).isEqualTo(BODY);
    assertThat(f.fetchedAt()).isEqualTo(TestHttp.NOW);
    assertThat(f.stale()).isFalse();
    assertThat(f.label("Electricity Maps v3")).isEqualTo("Electricity Maps v3");
    assertThat(server.seen()).singleElement().satisfies(s -> {
      assertThat(s.header("auth-token")).isEqualTo(TOKEN);
      assertThat(s.query()).containsEntry("zone", "DE");
    });
  }

  @Test
  void aFreshCachedAnswerIsUsedWithoutAskingAndAStaleOneIsRenewed() {
    server.on("/v3/carbon-intensity/latest", Reply.json(BODY));
    TestHttp t = test();
    ProviderHttp http = new ProviderHttp("Electricity Maps", t.settings().build());
    http.get(call(latest()));
    t.clock.advance(Duration.ofMinutes(9));
    Fetched cached = http.get(call(latest()));
    assertThat(server.seen()).hasSize(1);
    assertThat(cached.fetchedAt()).isEqualTo(TestHttp.NOW);
    assertThat(cached.stale()).isFalse();

    t.clock.advance(Duration.ofMinutes(2));
    assertThat(http.get(call(latest())).fetchedAt()).isEqualTo(TestHttp.NOW.plus(Duration.ofMinutes(11)));
    assertThat(server.seen()).hasSize(2);
  }

  @Test
  void a429IsRetriedAfterTheWaitTheProviderAsksFor() {
    server.queue("/v3/carbon-intensity/latest", Reply.status(429).withHeader("Retry-After", "7"));
    server.on("/v3/carbon-intensity/latest", Reply.json(BODY));
    TestHttp t = test();
    Fetched f = new ProviderHttp("Electricity Maps", t.settings().build()).get(call(latest()));
    assertThat(f.body()).isEqualTo(BODY);
    assertThat(t.waits).containsExactly(Duration.ofSeconds(7));
    assertThat(server.seen()).hasSize(2);
  }

  @Test
  void retryAfterMayBeAnHttpDate() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(TestHttp.NOW.plusSeconds(12).atOffset(ZoneOffset.UTC));
    server.queue("/v3/carbon-intensity/latest", Reply.status(503).withHeader("Retry-After", date));
    server.on("/v3/carbon-intensity/latest", Reply.json(BODY));
    TestHttp t = test();
    new ProviderHttp("Electricity Maps", t.settings().build()).get(call(latest()));
    assertThat(t.waits).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void aRetryAfterLongerThanTheLongestWaitEndsTheRetries() {
    server.on("/v3/carbon-intensity/latest", Reply.status(429).withHeader("Retry-After", "3600"));
    TestHttp t = test();
    ProviderException e = catchThrowableOfType(ProviderException.class,
        () -> new ProviderHttp("Electricity Maps", t.settings().build()).get(call(latest())));
    assertThat(e.getMessage()).contains("Electricity Maps answered HTTP 429 and asked to wait 3600 s");
    assertThat(t.waits).isEmpty();
    assertThat(server.seen()).hasSize(1);
  }

  @Test
  void serverErrorsAreRetriedWithDoublingBackoffUntilTheAttemptsRunOut() {
    server.on("/v3/carbon-intensity/latest", Reply.status(503));
    TestHttp t = test();
    ProviderException e = catchThrowableOfType(ProviderException.class,
        () -> new ProviderHttp("Electricity Maps", t.settings().build()).get(call(latest())));
    assertThat(server.seen()).hasSize(3);
    assertThat(t.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(e.status()).isEqualTo(503);
    assertThat(e.isDown()).isTrue();
    assertThat(e.provider()).isEqualTo("Electricity Maps");
    assertThat(e.getMessage())
        .isEqualTo("Electricity Maps answered HTTP 503 (3 attempts) for /v3/carbon-intensity/latest?zone=DE,"
            + " and no earlier response is cached: try again later or check the network")
        .doesNotContain(TOKEN);
  }

  @Test
  void backoffStopsGrowingAtTheLongestWait() {
    server.on("/v3/carbon-intensity/latest", Reply.status(500));
    TestHttp t = test();
    HttpSettings s = t.settings().maxAttempts(6).firstBackoff(Duration.ofSeconds(4)).maxWait(Duration.ofSeconds(20)).build();
    assertThatThrownBy(() -> new ProviderHttp("Electricity Maps", s).get(call(latest()))).isInstanceOf(ProviderException.class);
    assertThat(t.waits).extracting(Duration::toSeconds).containsExactly(4L, 8L, 16L, 20L, 20L);
  }

  @Test
  void a401Or403IsAClearOneLineErrorAtOnceEvenWithACachedAnswer() {
    TestHttp t = test();
    ProviderHttp http = new ProviderHttp("Electricity Maps", t.settings().build());
    server.queue("/v3/carbon-intensity/latest", Reply.json(BODY));
    http.get(call(latest()));
    t.clock.advance(Duration.ofHours(1));

    server.on("/v3/carbon-intensity/latest", Reply.status(401));
    ProviderException e = catchThrowableOfType(ProviderException.class, () -> http.get(call(latest())));
    assertThat(e.getMessage()).isEqualTo("Electricity Maps refused the token (401): set LOWCARB_ELECTRICITYMAPS_TOKEN");
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.isDown()).isFalse();

    server.on("/v3/carbon-intensity/latest", Reply.status(403));
    assertThatThrownBy(() -> http.get(call(latest())))
        .hasMessage("Electricity Maps refused the token (403): set LOWCARB_ELECTRICITYMAPS_TOKEN");
    assertThat(server.seen()).hasSize(3);
    assertThat(t.waits).isEmpty();
  }

  @Test
  void anotherClientErrorIsNotRetriedAndQuotesTheBody() {
    server.on("/v3/carbon-intensity/latest", new Reply(400, Map.of(), "{\"error\":\"zone XX is unknown\"}", 0));
    TestHttp t = test();
    assertThatThrownBy(() -> new ProviderHttp("Electricity Maps", t.settings().build()).get(call(latest())))
        .isInstanceOf(ProviderException.class)
        .hasMessage("Electricity Maps answered HTTP 400 to /v3/carbon-intensity/latest?zone=DE: {\"error\":\"zone XX is unknown\"}");
    assertThat(server.seen()).hasSize(1);
  }

  @Test
  void aRequestThatTimesOutIsRetriedThenReported() {
    server.on("/v3/carbon-intensity/latest", Reply.json(BODY).delayed(3_000));
    TestHttp t = test();
    HttpSettings s = t.settings().requestTimeout(Duration.ofMillis(300)).maxAttempts(2).build();
    ProviderException e = catchThrowableOfType(ProviderException.class,
        () -> new ProviderHttp("Electricity Maps", s).get(call(latest())));
    assertThat(e.getMessage()).startsWith("Electricity Maps did not answer within 300 ms (2 attempts) for /v3/carbon-intensity/latest");
    assertThat(e.status()).isZero();
    assertThat(e.isDown()).isTrue();
    assertThat(t.waits).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void aProviderDownFallsBackToTheLastCachedAnswerLabelledStale() {
    server.queue("/v3/carbon-intensity/latest", Reply.json(BODY));
    server.on("/v3/carbon-intensity/latest", Reply.status(502));
    TestHttp t = test();
    ProviderHttp http = new ProviderHttp("Electricity Maps", t.settings().build());
    http.get(call(latest()));
    t.clock.advance(Duration.ofHours(3));

    Fetched f = http.get(call(latest()));
    assertThat(f.stale()).isTrue();
    assertThat(f.body()).isEqualTo(BODY);
    assertThat(f.fetchedAt()).isEqualTo(TestHttp.NOW);
    assertThat(f.label("Electricity Maps v3")).isEqualTo("Electricity Maps v3 (stale: fetched 2024-05-21T10:20:00Z)");
    assertThat(server.seen()).hasSize(4);
  }

  @Test
  void aRefusedConnectionFallsBackToTheCacheOrIsReported() {
    URI dead;
    try (ReplayServer gone = new ReplayServer()) {
      dead = gone.url("/v3/carbon-intensity/latest?zone=DE");
    }
    TestHttp t = test();
    ProviderHttp http = new ProviderHttp("Electricity Maps", t.settings().build());
    ProviderException e = catchThrowableOfType(ProviderException.class, () -> http.get(call(dead)));
    assertThat(e.getMessage()).startsWith("Electricity Maps refused the connection (3 attempts)")
        .endsWith("no earlier response is cached: try again later or check the network");
    assertThat(e.isDown()).isTrue();

    new ResponseCache(cacheDir).write(dead, BODY, TestHttp.NOW.minus(Duration.ofDays(2)));
    Fetched f = http.get(call(dead));
    assertThat(f.stale()).isTrue();
    assertThat(f.fetchedAt()).isEqualTo(TestHttp.NOW.minus(Duration.ofDays(2)));
  }

  @Test
  void withoutACacheNothingStandsIn() {
    server.queue("/v3/carbon-intensity/latest", Reply.json(BODY));
    server.on("/v3/carbon-intensity/latest", Reply.status(503));
    TestHttp t = test();
    ProviderHttp http = new ProviderHttp("Electricity Maps", t.settings().noCache().build());
    http.get(call(latest()));
    assertThatThrownBy(() -> http.get(call(latest()))).isInstanceOf(ProviderException.class).hasMessageContaining("HTTP 503");
    assertThat(cacheDir).isEmptyDirectory();
  }

  @Test
  void cacheFilesAreNamedByAHashAndHoldNoSecretOrLeftoverTempFile() throws IOException {
    server.on("/v3/carbon-intensity/latest", Reply.json(BODY));
    server.on("/v3/carbon-intensity/history", Reply.json(BODY));
    TestHttp t = test();
    ProviderHttp http = new ProviderHttp("Electricity Maps", t.settings().build());
    http.get(call(latest()));
    http.get(call(server.url("/v3/carbon-intensity/history?zone=DE")));
    t.clock.advance(Duration.ofHours(1));
    http.get(call(latest()));

    List<Path> files;
    try (Stream<Path> s = Files.list(cacheDir)) {
      files = s.toList();
    }
    assertThat(files).hasSize(2).allSatisfy(f -> {
      assertThat(f.getFileName().toString()).matches("[0-9a-f]{64}\\.json");
      assertThat(Files.readString(f)).doesNotContain(TOKEN).contains("\"fetchedAt\"");
    });
  }

  @Test
  void anUnreadableCacheFileIsIgnored() throws IOException {
    server.on("/v3/carbon-intensity/latest", Reply.json(BODY));
    ResponseCache cache = new ResponseCache(cacheDir);
    Files.writeString(cache.file(latest()), "{not json");
    TestHttp t = test();
    assertThat(new ProviderHttp("Electricity Maps", t.settings().build()).get(call(latest())).body()).isEqualTo(BODY);
    assertThat(cache.read(latest())).isPresent();
  }

  @Test
  void theCallNeverPrintsItsHeaders() {
    assertThat(call(latest()).toString()).doesNotContain(TOKEN);
  }
}
