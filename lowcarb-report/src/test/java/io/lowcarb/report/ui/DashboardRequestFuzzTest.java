package io.lowcarb.report.ui;

import io.lowcarb.fuzz.FuzzRun;
import io.lowcarb.fuzz.RawRequest;
import io.lowcarb.fuzz.Target;
import io.lowcarb.report.RunSource;
import io.lowcarb.report.SampleRuns;
import io.lowcarb.track.RunStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard over the bad-input corpus (lowcarb-fuzz) and the hand-made requests in
 * resources/fuzz/dashboard, sent as raw bytes: every answer is 2xx, 4xx, or the connection closed on
 * HTTP the server cannot parse; never a 5xx, never silence.
 */
class DashboardRequestFuzzTest {
  @TempDir Path dir;

  private static byte[] get(String target) {
    return ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void requests() throws Exception {
    Instant day = Instant.parse("2023-03-14T00:00:00Z");
    try (RunStore store = RunStore.open("jdbc:h2:file:" + dir.resolve("runs"))) {
      SampleRuns.Ids ids = SampleRuns.fill(store, day.plusSeconds(9 * 3600), SampleRuns.diurnal(day));
      try (Dashboard dashboard = Dashboard.start(RunSource.of(store), store.url(), "127.0.0.1", 0,
          InstantSource.fixed(Instant.parse("2023-03-16T09:00:00Z")))) {
        int port = dashboard.uri().getPort();
        Target t = Target.of("dashboard request", "request.http", f -> RawRequest.send(port, f), RawRequest.Refused.class)
            .samples(get("/?kind=training&name=mnist&since=2023-03-14"), get("/runs/" + ids.trainings().getFirst()),
                get("/compare?id=" + ids.trainings().get(0) + "&id=" + ids.trainings().get(1)), get("/assets/report.css"))
            .text()
            .seedFolder(Path.of("src/test/resources/fuzz/dashboard"))
            .anonymous() // a request has no file name: the page names the parameter
            .heap(256L << 20, 16); // a run's page with its charts is drawn for each valid request
        FuzzRun.run(t, dir.resolve("scratch")).assertClean();
      }
    }
  }
}
