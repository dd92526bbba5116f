package io.lowcarb.schedule.api;

import io.lowcarb.fuzz.FuzzRun;
import io.lowcarb.fuzz.RawRequest;
import io.lowcarb.fuzz.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Carbon-Aware-SDK-compatible API over the bad-input corpus (lowcarb-fuzz) and the hand-made
 * requests in resources/fuzz/api, sent as raw bytes: every answer is 2xx, 4xx with a problem, or the
 * connection closed on HTTP the server cannot parse; never a 5xx, never silence.
 */
class ApiRequestFuzzTest {
  private static final String TOKEN = "fuzz-token";

  @TempDir Path scratch;

  private static byte[] request(String method, String target, String headers, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers
        + (body.isEmpty() ? "" : "Content-Type: application/json\r\nContent-Length: " + b.length + "\r\n") + "\r\n";
    return (head + body).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void requests() throws Exception {
    runs(null);
  }

  @Test
  void aChunkSizeBeyondAnIntIsRefusedWithoutAServerFailure() throws Exception {
    java.util.List<LogRecord> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    Logger log = Logger.getLogger(CarbonAwareServer.class.getName());
    Handler watch = new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(r);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    log.addHandler(watch);
    try {
      CarbonAwareServer server = CarbonAwareServer.builder(CarbonAwareServerTest.catalog()).port(0).start();
      try {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RawRequest.send(server.address().getPort(),
            Path.of("src/test/resources/fuzz/api/chunk-size-huge.http"))).isInstanceOf(RawRequest.Refused.class);
      } finally {
        server.close(); // waits for the request's thread: what it logged is logged by now
      }
      org.assertj.core.api.Assertions.assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
    } finally {
      log.removeHandler(watch);
    }
  }

  /** Runs the corpus, or {@code only} these inputs, against a server; asserts every answer is clean. */
  private io.lowcarb.fuzz.Outcome runs(java.util.List<io.lowcarb.fuzz.FuzzInput> only) throws Exception {
    String range = "time=2023-06-01T01:00:00Z&toTime=2023-06-01T09:00:00Z";
    try (CarbonAwareServer server = CarbonAwareServer.builder(CarbonAwareServerTest.catalog()).port(0).threads(2)
        .clock(InstantSource.fixed(Hourly.T0.plusSeconds(9000))).forecastHorizon(Duration.ofHours(6))
        .jobs(new JobsServerTest.FakeJobs(), TOKEN).start()) {
      int port = server.address().getPort();
      // a failure the server caught and logged may never reach the wire (the connection is closed instead)
      AtomicReference<String> failed = new AtomicReference<>();
      Logger log = Logger.getLogger(CarbonAwareServer.class.getName());
      Handler watch = new Handler() {
        @Override
        public void publish(LogRecord r) {
          if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
            failed.set(r.getMessage() + (r.getThrown() == null ? "" : ": " + r.getThrown()));
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
      log.addHandler(watch);
      log.setUseParentHandlers(false);
      Target t = Target.of("scheduler API request", "request.http", f -> {
            failed.set(null);
            RawRequest.send(port, f);
            if (failed.get() != null) {
              throw new IllegalStateException("the server logged " + failed.get());
            }
          }, RawRequest.Refused.class)
          .samples(request("GET", "/emissions/bylocations?location=A&location=B&" + range, "", ""),
              request("GET", "/emissions/bylocations/best?location=A&location=B&" + range, "", ""),
              request("GET", "/emissions/forecasts/current?location=A&windowSize=60&dataStartAt=2023-06-01T02:00:00Z", "", ""),
              request("GET", "/emissions/average-carbon-intensity?location=A&startTime=2023-06-01T01:00:00Z&endTime=2023-06-01T05:00:00Z", "", ""),
              request("POST", "/emissions/average-carbon-intensity/batch", "",
                  "[{\"location\": \"A\", \"startTime\": \"2023-06-01T01:00:00Z\", \"endTime\": \"2023-06-01T05:00:00Z\"}]"),
              request("POST", "/jobs", "Authorization: Bearer " + TOKEN + "\r\n",
                  "{\"name\": \"train\", \"command\": [\"true\"], \"zone\": \"A\", \"durationEstimate\": \"2h\","
                      + " \"deadline\": \"2023-06-01T10:00:00Z\", \"interruptible\": false}"),
              request("DELETE", "/jobs/job-1", "Authorization: Bearer " + TOKEN + "\r\n", ""))
          .text()
          .seedFolder(Path.of("src/test/resources/fuzz/api"))
          .anonymous(); // a request has no file name: the problem names the parameter
      try {
        return (only == null ? FuzzRun.run(t, scratch) : FuzzRun.run(t, only, scratch)).assertClean();
      } finally {
        log.removeHandler(watch);
        log.setUseParentHandlers(true);
      }
    }
  }
}
