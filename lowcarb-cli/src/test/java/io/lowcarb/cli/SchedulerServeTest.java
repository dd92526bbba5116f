package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submit, list and cancel through the CLI, with a real scheduler process running the queue on H2. */
class SchedulerServeTest {
  @TempDir Path dir;

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
    Cli.Result submitted = Cli.inProcess("schedule", "submit", "--queue", queue, "--series", series.toString(),
        "--zone", "ES", "--name", "green", "--duration-estimate", "4s", "--deadline", now.plusSeconds(60).toString(),
        "--", "sh", "-c", "echo ran >> " + marker);
    assertThat(submitted.exit()).as(submitted.err()).isZero();
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
  }
}
