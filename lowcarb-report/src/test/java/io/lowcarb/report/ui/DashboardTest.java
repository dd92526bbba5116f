package io.lowcarb.report.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lowcarb.report.Chromium;
import io.lowcarb.report.RenderedPage;
import io.lowcarb.report.RunSource;
import io.lowcarb.report.SampleRuns;
import io.lowcarb.track.RunStore;
import java.net.BindException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard over a store of sample runs: over HTTP, and drawn in headless Chromium. */
class DashboardTest {
  static final Instant DAY = Instant.parse("2023-03-14T00:00:00Z");
  static final Pattern ROW = Pattern.compile("<tr data-run=\"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\">");

  @TempDir static Path dir;
  static RunStore store;
  static SampleRuns.Ids ids;
  static Dashboard dashboard;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void serve() throws Exception {
    store = RunStore.open("jdbc:h2:file:" + dir.resolve("runs"));
    ids = SampleRuns.fill(store, DAY.plusSeconds(9 * 3600), SampleRuns.diurnal(DAY));
    dashboard = Dashboard.start(RunSource.of(store), store.url(), "127.0.0.1", 0,
        InstantSource.fixed(Instant.parse("2023-03-16T09:00:00Z")));
  }

  @AfterAll
  static void stop() {
    // Either may be null where serve() failed half-way.
    if (dashboard != null) {
      dashboard.close();
    }
    if (store != null) {
      store.close();
    }
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(dashboard.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static List<String> rows(String html) {
    return ROW.matcher(html).results().map(m -> m.group(1)).toList();
  }

  @Test
  void servesOnLoopbackAndListsEveryRunNewestFirst() throws Exception {
    assertThat(dashboard.uri().toString()).matches("http://127\\.0\\.0\\.1:\\d+/");
    HttpResponse<String> list = get("/");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(rows(list.body())).containsExactlyInAnyOrderElementsOf(ids.all());
    assertThat(rows(list.body()).getFirst()).isEqualTo(ids.inference());
    assertThat(list.body()).contains("href=\"/runs/" + ids.measured() + "\"").contains(store.url())
        .as("a list shows the first 12 characters of an id").contains(">" + ids.measured().substring(0, 12) + "</a>")
        .containsPattern("<td>[0-9.]+ kWh mixed ±[0-9.]+ % \\(cpu rapl ±10 %").containsPattern("<td>[0-9.]+ g mixed ±[0-9.]+ %</td>");
  }

  @Test
  void filtersByKindNameAndStart() throws Exception {
    assertThat(rows(get("/?kind=train").body())).containsExactlyInAnyOrderElementsOf(ids.trainings());
    assertThat(rows(get("/?name=MLP:1").body())).containsExactlyInAnyOrder(ids.trainings().get(0), ids.trainings().get(3));
    assertThat(rows(get("/?kind=train&since=2023-03-14T10:00:00Z").body()))
        .containsExactlyInAnyOrder(ids.trainings().get(3), ids.trainings().get(4));
    assertThat(rows(get("/?since=2023-03-15").body())).isEmpty();
    assertThat(get("/?since=2023-03-15").body()).contains("No runs match");
    assertThat(get("/?kind=train").body()).contains("<option value=\"train\" selected>");
  }

  @Test
  void badFiltersAndUnknownRunsGetAClearPage() throws Exception {
    HttpResponse<String> kind = get("/?kind=bogus");
    assertThat(kind.statusCode()).isEqualTo(400);
    assertThat(kind.body()).contains("unknown run kind &#39;bogus&#39;");
    assertThat(get("/?since=yesterday").statusCode()).isEqualTo(400);
    HttpResponse<String> unknown = get("/runs/ffffffffffff");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("No such run").contains("no run ffffffffffff");
    assertThat(get("/compare").statusCode()).isEqualTo(400);
    assertThat(get("/compare?id=" + ids.measured() + "&id=ffffffffffff").statusCode()).isEqualTo(404);
    assertThat(get("/nowhere").statusCode()).isEqualTo(404);
    assertThat(get("/assets/secret.txt").statusCode()).isEqualTo(404);
  }

  /** The status line of a GET of / with Host header {@code host}, sent over a plain socket. */
  static String statusWithHost(String host) throws Exception {
    try (Socket s = new Socket("127.0.0.1", dashboard.uri().getPort())) {
      s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }
  }

  @Test
  void answersOnlyRequestsForLoopbackNamesAgainstDnsRebinding() throws Exception {
    int port = dashboard.uri().getPort();
    assertThat(statusWithHost("127.0.0.1:" + port)).isEqualTo("HTTP/1.1 200 OK");
    assertThat(statusWithHost("localhost:" + port)).isEqualTo("HTTP/1.1 200 OK");
    assertThat(statusWithHost("LOCALHOST")).isEqualTo("HTTP/1.1 200 OK");
    assertThat(statusWithHost("attacker.example:" + port)).startsWith("HTTP/1.1 403");
    assertThat(statusWithHost("127.0.0.1.attacker.example")).startsWith("HTTP/1.1 403");
  }

  @Test
  void servesTheChartLibraryItself() throws Exception {
    HttpResponse<String> js = get("/assets/echarts.min.js");
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(js.body()).contains("echarts").hasSizeGreaterThan(500_000);
  }

  @Test
  void aSecondDashboardOnTheSamePortCannotBind() {
    int port = dashboard.uri().getPort();
    assertThatThrownBy(() -> Dashboard.start(RunSource.of(store), store.url(), "127.0.0.1", port, InstantSource.system()))
        .isInstanceOf(BindException.class).hasMessageContaining("127.0.0.1:" + port);
  }

  @Test
  void theRunsListLoadsInChromiumWithoutConsoleMessages() throws Exception {
    Chromium.Load load = Chromium.require().dom(dashboard.uri());
    assertThat(load.console()).as(load.log()).isEmpty();
    assertThat(rows(load.dom())).hasSize(ids.all().size());
  }

  @Test
  void aRunPageDrawsItsChartsInChromium() throws Exception {
    Chromium.Load load = Chromium.require().dom(dashboard.uri().resolve("/runs/" + ids.measured().substring(0, 6)));
    assertThat(load.console()).as(load.log()).isEmpty();
    List<RenderedPage.Figure> figures = RenderedPage.figures(load.dom());
    assertThat(figures).extracting(RenderedPage.Figure::type).containsExactly("power", "cumulative");
    assertDrawn(load.dom(), figures);
    assertThat(figures).allSatisfy(f -> assertThat(f.errorBars()).as(f.type()).isPositive());
    assertThat(load.dom()).contains("Run " + ids.measured() + ": finetune.py").contains("±");
  }

  @Test
  void theComparePageDrawsTheReportsChartsInChromium() throws Exception {
    StringBuilder query = new StringBuilder("/compare?");
    ids.all().forEach(id -> query.append("id=").append(id).append('&'));
    Chromium.Load load = Chromium.require().dom(dashboard.uri().resolve(query.toString()));
    assertThat(load.console()).as(load.log()).isEmpty();
    List<RenderedPage.Figure> figures = RenderedPage.figures(load.dom());
    assertThat(figures).extracting(RenderedPage.Figure::type)
        .containsExactly("power", "cumulative", "epochs", "tradeoff", "intensity");
    assertDrawn(load.dom(), figures);
    assertThat(rows(load.dom())).containsExactlyElementsOf(ids.all());
  }

  private static void assertDrawn(String dom, List<RenderedPage.Figure> figures) {
    assertThat(RenderedPage.chartsDrawn(dom)).isEqualTo(figures.size());
    for (RenderedPage.Figure f : figures) {
      assertThat(f.expected()).as(f.id()).isPositive();
      assertThat(f.points()).as("points held in %s", f.id()).isEqualTo(f.expected());
      assertThat(f.svgShapes()).as("SVG shapes in %s", f.id()).isGreaterThan(5);
      assertThat(f.errorBars()).as("error bars held in %s", f.id()).isEqualTo(f.expectedErrors());
    }
  }
}
