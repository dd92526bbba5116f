package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler's API over a live provider: a loopback server replays the UK Carbon Intensity
 * API's forecast format; the scheduler process answers SDK-shaped forecast requests and plans jobs
 * submitted over HTTP with a bearer token.
 */
class SchedulerApiTest {
  @TempDir Path dir;

  private static final String TOKEN = "a-long-enough-test-token";

  @Test
  void forecastsAndJobsFromALiveProvider() throws Exception {
    Instant floor = Instant.now().truncatedTo(ChronoUnit.HOURS);
    StringBuilder data = new StringBuilder("{\"data\":[");
    for (int i = 0; i < 96; i++) {
      Instant from = floor.plus(30L * i, ChronoUnit.MINUTES);
      int value = i == 4 || i == 5 ? 40 : 250 + (i % 7) * 10;
      data.append(i == 0 ? "" : ",").append("{\"from\":\"").append(from.toString().replace(":00Z", "Z"))
          .append("\",\"to\":\"").append(from.plus(30, ChronoUnit.MINUTES).toString().replace(":00Z", "Z"))
          .append("\",\"intensity\":{\"forecast\":").append(value).append(",\"actual\":null,\"index\":\"moderate\"}}");
    }
    byte[] body = data.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    HttpServer uk = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    uk.createContext("/intensity/", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    uk.start();
    Path log = dir.resolve("serve.log");
    Process serve = Cli.spawn(log, Map.of(
            "LOWCARB_UKCI_URL", "http://127.0.0.1:" + uk.getAddress().getPort(),
            "LOWCARB_API_TOKEN", TOKEN,
            "LOWCARB_CACHE", dir.resolve("cache").toString()),
        "scheduler", "serve", "--queue", "jdbc:h2:file:" + dir.resolve("queue") + ";AUTO_SERVER=TRUE",
        "--location", "GB=uk", "--api-port", "0");
    try {
      String api = apiAddress(log);
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> forecast = http.send(HttpRequest.newBuilder(
          URI.create(api + "/emissions/forecasts/current?location=GB&windowSize=60")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(forecast.statusCode()).as(forecast.body()).isEqualTo(200);
      JsonNode optimal = new ObjectMapper().readTree(forecast.body()).get(0).get("optimalDataPoints").get(0);
      assertThat(Instant.parse(optimal.get("timestamp").asText())).isEqualTo(floor.plus(2, ChronoUnit.HOURS));
      assertThat(optimal.get("value").asDouble()).isEqualTo(40);

      String job = "{\"name\":\"train\",\"command\":[\"true\"],\"zone\":\"GB\",\"durationEstimate\":\"PT1H\","
          + "\"deadline\":\"" + floor.plus(10, ChronoUnit.HOURS) + "\",\"interruptible\":false}";
      HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(api + "/jobs"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(job));
      assertThat(http.send(post.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
      HttpResponse<String> created = http.send(post.header("Authorization", "Bearer " + TOKEN).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      JsonNode view = new ObjectMapper().readTree(created.body());
      assertThat(Instant.parse(view.get("plannedStart").asText())).isEqualTo(floor.plus(2, ChronoUnit.HOURS));
      HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(api + "/jobs")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(list.body()).contains("\"name\":\"train\"").contains("QUEUED");
    } finally {
      serve.destroy();
      serve.waitFor(40, TimeUnit.SECONDS);
      uk.stop(0);
    }
  }

  private static String apiAddress(Path log) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until) {
      Matcher m = Pattern.compile("API on (http://\\S+)").matcher(Files.exists(log) ? Files.readString(log) : "");
      if (m.find()) {
        return m.group(1).replaceAll("/$", "");
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the scheduler did not start its API: " + Files.readString(log));
  }
}
