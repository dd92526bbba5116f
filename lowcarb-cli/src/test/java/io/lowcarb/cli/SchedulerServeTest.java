package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lowcarb.energy.net.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submit, list and cancel through the CLI, with a real scheduler process running the queue on H2;
 * and the API's guards: plaintext beyond loopback refused before anything binds, --insecure, TLS.
 */
class SchedulerServeTest {
  @TempDir Path dir;

  /** A port free just now: a server refused before binding must leave it so. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Whether anything accepts connections on 127.0.0.1:{@code port}. */
  static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The first match of {@code pattern} in {@code log}, polled for until {@code process} exits or a minute passed. */
  static Matcher await(Process process, Path log, Pattern pattern) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      Matcher m = pattern.matcher(Files.exists(log) ? Files.readString(log) : "");
      if (m.find()) {
        return m;
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no '" + pattern + "' in:\n" + Files.readString(log));
  }

  @Test
  @Timeout(60)
  void plaintextBeyondLoopbackIsRefusedBeforeTheQueueOpensOrThePortIsBound() throws Exception {
    int port = freePort();
    Path queue = dir.resolve("queue");
    for (String host : List.of("0.0.0.0", "::")) {
      Cli.Result r = Cli.inProcess("scheduler", "serve", "--queue", "jdbc:h2:file:" + queue, "--store", "none",
          "--api-host", host, "--api-port", String.valueOf(port));
      Cli.assertUsageError(r, "refusing to serve plaintext on " + host + ", which is not a loopback address");
      assertThat(r.err()).startsWith("scheduler serve: ").contains("--tls-cert and --tls-key").contains("--insecure");
      assertThat(listening(port)).as("nothing listened on " + port).isFalse();
    }
    assertThat(dir.resolve("queue.mv.db")).as("the queue was never opened").doesNotExist();
    Path pem = Files.writeString(dir.resolve("cert.pem"), "");
    Cli.assertUsageError(Cli.inProcess("scheduler", "serve", "--queue", "jdbc:h2:file:" + queue, "--store", "none",
        "--tls-cert", pem.toString()), "--tls-cert and --tls-key go together");
    Cli.assertUsageError(Cli.inProcess("scheduler", "serve", "--queue", "jdbc:h2:file:" + queue, "--store", "none",
        "--tls-cert", pem.toString(), "--tls-key", dir.resolve("missing.key").toString()), "holds no PEM certificate");
    assertThat(dir.resolve("queue.mv.db")).doesNotExist();
  }

  @Test
  void withInsecureItServesEveryInterfaceAfterAWarning() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Path log = dir.resolve("serve.log");
    Process serve = Cli.spawn(log, Map.of("LOWCARB_API_TOKEN", "tok-0123456789"), "scheduler", "serve",
        "--queue", "jdbc:h2:file:" + dir.resolve("queue"), "--store", "none", "--series", "ES=" + series(now),
        "--api-host", "0.0.0.0", "--api-port", "0", "--insecure");
    try {
      Matcher api = await(serve, log, Pattern.compile("API on http://\\S+:(\\d+)/"));
      assertThat(Files.readString(log)).contains("scheduler serve: warning: serving plaintext on 0.0.0.0 (--insecure)");
      // bound to every interface, but the test talks to loopback only
      HttpResponse<String> locations = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + api.group(1) + "/locations")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(locations.statusCode()).isEqualTo(200);
      assertThat(locations.body()).contains("ES");
    } finally {
      serve.destroy();
      serve.waitFor(40, TimeUnit.SECONDS);
    }
  }

  @Test
  void withPemFilesTheApiIsServedOverTlsOnly() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    TestCertificates certs = TestCertificates.make(dir.resolve("tls"));
    Path log = dir.resolve("serve.log");
    String token = "tok-0123456789";
    Process serve = Cli.spawn(log, Map.of("LOWCARB_API_TOKEN", token), "scheduler", "serve",
        "--queue", "jdbc:h2:file:" + dir.resolve("queue"), "--store", "none", "--series", "ES=" + series(now),
        "--api-port", "0", "--tls-cert", certs.cert().toString(), "--tls-key", certs.key().toString());
    try {
      Matcher api = await(serve, log, Pattern.compile("API on (https://127\\.0\\.0\\.1:(\\d+)/)"));
      assertThat(Files.readString(log)).doesNotContain("warning");
      HttpClient trusting = HttpClient.newBuilder().sslContext(certs.clientContext()).build();
      HttpResponse<String> jobs = trusting.send(HttpRequest.newBuilder(URI.create(api.group(1) + "jobs"))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(jobs.statusCode()).isEqualTo(200);
      assertThat(jobs.body()).isEqualTo("[]");
      HttpResponse<String> emissions = trusting.send(HttpRequest.newBuilder(URI.create("https://localhost:"
          + api.group(2) + "/emissions/bylocation?location=ES&time=" + now.plusSeconds(7))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(emissions.statusCode()).isEqualTo(200);
      assertThat(emissions.body()).contains("\"rating\":10.0");
      assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + api.group(2) + "/jobs")).build(), HttpResponse.BodyHandlers.ofString()))
          .as("plain HTTP gets no answer").isInstanceOf(IOException.class);
    } finally {
      serve.destroy();
      serve.waitFor(40, TimeUnit.SECONDS);
    }
  }

  private Path series(Instant now) throws Exception {
    StringBuilder csv = new StringBuilder("time,g_per_kwh\n");
    for (int s = -4; s < 120; s += 2) {
      csv.append(now.plusSeconds(s)).append(',').append(s >= 6 && s < 20 ? 10 : 500).append('\n');
    }
    return Files.writeString(dir.resolve("forecast.csv"), csv);
  }

  @Test
  void aSubmittedJobRunsAtItsWindowInTheSchedulerProcess() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Path series = series(now);
    String queue = "jdbc:h2:file:" + dir.resolve("queue") + ";AUTO_SERVER=TRUE";
    Path marker = dir.resolve("marker");
    Path json = dir.resolve("submitted.json");
    Cli.Result submitted = Cli.inProcess("schedule", "submit", "--queue", queue, "--series", series.toString(),
        "--zone", "ES", "--name", "green", "--duration-estimate", "4s", "--deadline", now.plusSeconds(60).toString(),
        "--json", json.toString(), "--", "sh", "-c", "echo ran >> " + marker);
    assertThat(submitted.exit()).as(submitted.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode plan = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
    assertThat(plan.get("job_id").asLong()).isEqualTo(1);
    String jobRun = plan.get("run_id").asText();
    assertThat(submitted.out()).contains("queued job 1 'green' for " + now.plusSeconds(6));
    Cli.Result other = Cli.inProcess("schedule", "submit", "--queue", queue, "--series", series.toString(),
        "--zone", "ES", "--duration-estimate", "4s", "--deadline", now.plusSeconds(60).toString(), "--", "true");
    assertThat(other.exit()).as(other.err()).isZero();
    assertThat(Cli.inProcess("schedule", "cancel", "--queue", queue, "2").out()).contains("cancelled job 2");
    Cli.Result again = Cli.inProcess("schedule", "cancel", "--queue", queue, "9");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).startsWith("schedule cancel: ");

    Path log = dir.resolve("serve.log");
    String store = "jdbc:h2:file:" + dir.resolve("runs");
    Process serve = Cli.spawn(log, "scheduler", "serve", "--queue", queue, "--api-port", "0",
        "--series", "ES=" + series, "--store", store);
    try {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(marker) && System.nanoTime() < until) {
        Thread.sleep(200);
      }
      assertThat(marker).as(Files.readString(log)).exists();
      Matcher api = Pattern.compile("API on (http://\\S+)").matcher(Files.readString(log));
      assertThat(api.find()).as(Files.readString(log)).isTrue();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> emissions = http.send(HttpRequest.newBuilder(
          URI.create(api.group(1).replaceAll("/$", "") + "/emissions/bylocation?location=ES&time=" + now.plusSeconds(7)))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(emissions.statusCode()).isEqualTo(200);
      assertThat(emissions.body()).contains("\"location\":\"ES\"").contains("\"rating\":10.0");
      Thread.sleep(1500); // the worker records the end just after the command exits
    } finally {
      serve.destroy();
      serve.waitFor(40, TimeUnit.SECONDS);
    }
    assertThat(Files.readAllLines(marker)).containsExactly("ran");
    Cli.Result jobs = Cli.inProcess("schedule", "jobs", "--queue", queue);
    assertThat(jobs.exit()).as(jobs.err()).isZero();
    assertThat(jobs.out()).containsPattern("1 done .* 0 +1 +[0-9.]+ \\S*g +green").containsPattern("2 cancelled");
    Cli.Result runs = Cli.inProcess("runs", "list", "--kind", "scheduled", "--store", store);
    assertThat(runs.out()).as(runs.err()).containsPattern("scheduled .* finished .* green");
    // The job is recorded under the run id that submit gave out, its attempt's measurement under it.
    try (io.lowcarb.track.RunStore recorded = io.lowcarb.track.RunStore.open(store)) {
      assertThat(recorded.get(jobRun).name()).isEqualTo("green");
      assertThat(recorded.children(jobRun)).singleElement().satisfies(a -> {
        assertThat(a.kind()).isEqualTo(io.lowcarb.track.RunKind.MEASURE);
        assertThat(a.name()).isEqualTo("green (attempt 1)");
        assertThat(a.status()).isEqualTo(io.lowcarb.track.RunStatus.FINISHED);
      });
    }
  }
}
