package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.track.RunKind;
import io.lowcarb.track.RunStore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lowcarb ui}: serves the store's runs on loopback; a port in use is one line and exit 2. */
class UiCommandTest {
  @TempDir Path dir;

  @Test
  void servesTheRunsUntilStopped() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("runs");
    String id;
    try (RunStore s = RunStore.open(url)) {
      id = ReportCommandTest.store(s, RunKind.TRAIN, "digits mlp:32", Instant.parse("2026-01-05T10:00:00Z"), 0.96);
    }
    Path log = dir.resolve("ui.log");
    Process ui = Cli.spawn(log, "ui", "--store", url, "--port", "0");
    try {
      Pattern served = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+/) \\(Ctrl-C stops\\)");
      Matcher m = served.matcher("");
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!(m = served.matcher(Files.readString(log))).find() && ui.isAlive() && System.nanoTime() < until) {
        Thread.sleep(100);
      }
      assertThat(m.find(0)).as(Files.readString(log)).isTrue();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> run = http.send(HttpRequest.newBuilder(URI.create(m.group(1) + "runs/" + id)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(run.statusCode()).isEqualTo(200);
      assertThat(run.body()).contains("digits mlp:32").contains("/assets/echarts.min.js");
    } finally {
      ui.destroy();
      assertThat(ui.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aPortInUseIsOneLineAndExitTwo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Cli.Result r = Cli.inProcess("ui", "--store", "jdbc:h2:file:" + dir.resolve("runs"), "--port",
          String.valueOf(taken.getLocalPort()));
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).startsWith("ui: cannot serve on 127.0.0.1:" + taken.getLocalPort()).hasLineCount(1);
    }
  }

  @Test
  void anUnknownHostIsOneLineAndExitTwo() {
    Cli.Result r = Cli.inProcess("ui", "--store", "jdbc:h2:file:" + dir.resolve("runs"), "--host", "no-such-host.invalid");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines().filter(l -> !l.startsWith("ui: warning:")))
        .singleElement().asString().startsWith("ui: cannot serve on no-such-host.invalid:8642");
  }
}
