package io.lowcarb.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.track.Machine;
import io.lowcarb.track.Point;
import io.lowcarb.track.Run;
import io.lowcarb.track.RunKind;
import io.lowcarb.track.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report file without a browser: self-contained, safe with any run name, charts chosen by the series present. */
class ReportPageTest {
  static final Instant AT = Instant.parse("2026-03-02T08:15:00Z");

  static ReportRun run(String id, String name, Map<String, String> parameters, Map<String, List<Point>> series) {
    return new ReportRun(new Run(id, RunKind.SCHEDULED, name, "lowcarb schedule run", parameters, RunStatus.FINISHED,
        AT, Optional.of(AT.plusSeconds(60)), new Machine("h", "cpu", 4, 0, List.of(), "Linux"),
        Optional.of(RunRowTest.FOOTPRINT), Map.of(), "", Optional.empty(), OptionalInt.empty(), "", List.of()), series);
  }

  @Test
  void theFileInlinesTheChartLibraryAndLinksNothing() {
    String html = ReportPage.file(List.of(run("aaaaaaaaaaaa", "job", Map.of(), Map.of())), AT).html();
    assertThat(html).contains("echarts").contains("lowcarb-data");
    assertThat(Pattern.compile("(src|href)\\s*=\\s*[\"']?(https?:)?//").matcher(html).find()).isFalse();
    assertThat(html).doesNotContain("<link").doesNotContain("<script src");
    assertThat(Assets.text(Assets.CHART_LIBRARY).length()).isGreaterThan(500_000);
  }

  @Test
  void noScriptTextCanEndItsElementEarly() {
    // Only the data element and the two inlined scripts may close.
    assertThat(Assets.text(Assets.CHART_LIBRARY).toLowerCase(Locale.ROOT)).doesNotContain("</script");
    assertThat(Assets.text(Assets.SCRIPT).toLowerCase(Locale.ROOT)).doesNotContain("</script");
    String hostile = "</script><script>alert('x')</script><!--";
    ReportRun r = run("bbbbbbbbbbbb", hostile, Map.of(), Map.of(ReportRun.INTENSITY, List.of(new Point(1.7e9, 100))));
    String html = ReportPage.file(List.of(r), AT).html();
    assertThat(html.toLowerCase(Locale.ROOT).split("</script", -1)).hasSize(4);
    assertThat(html).contains("\\u003C/script\\u003E\\u003Cscript\\u003Ealert('x')")
        .contains("&lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)");
  }

  @Test
  void aScheduledRunGetsItsIntensityWithTheWindowAndItsSource() {
    ReportRun r = run("cccccccccccc", "nightly", Map.of("window_start", "2026-03-02T01:00:00Z",
        "window_end", "2026-03-02T04:00:00Z", "intensity_source", "Electricity Maps ES hourly"),
        Map.of(ReportRun.INTENSITY, List.of(new Point(1772409600, 120), new Point(1772413200, 90))));
    List<Chart> charts = Charts.of(List.of(r));
    assertThat(charts).singleElement().isInstanceOf(IntensityChart.class);
    Chart c = charts.getFirst();
    assertThat(c.caption()).contains("Electricity Maps ES hourly")
        .contains("2026-03-02 01:00:00 UTC to 2026-03-02 04:00:00 UTC");
    assertThat(ReportJson.write(c.data()))
        .isEqualTo("{\"points\":[[1.7724096E12,120.0],[1.7724132E12,90.0]],\"window\":[1772413200000,1772424000000]}");
  }

  @Test
  void runsWithoutSeriesMakeNoChartsButStillTheirTables() {
    String html = ReportPage.file(List.of(run("dddddddddddd", "plain", Map.of(), Map.of())), AT).html();
    assertThat(html).contains("0 charts").contains("only the tables").contains("<td>dddddddddddd</td>")
        .contains("0.0015 kWh mixed ±11 % (cpu rapl ±10 %, ram estimate ±40 %)").contains("rapl (rapl:package-0)");
  }

  @Test
  void theTradeoffChartNeedsTwoRunsAndMarksTheFront() {
    ReportRun cheap = withAccuracy(run("eeeeeeeeeeee", "cheap", Map.of(),
        Map.of("power_w.cpu", List.of(new Point(1, 30)), "power_w.ram", List.of(new Point(1, 5)))), 0.97);
    List<Chart> alone = Charts.of(List.of(cheap));
    assertThat(alone).extracting(Chart::type).containsExactly("power");
    assertThat(alone.getFirst().caption()).contains("cpu: rapl (rapl:package-0) ±10 %").contains("ram: estimate ±40 %.");
    assertThat(alone.getFirst().errorBars()).as("a band point for each power sample").isEqualTo(2);
    // Same footprint, lower accuracy: dominated.
    ReportRun worse = withAccuracy(run("ffffffffffff", "worse", Map.of(), Map.of()), 0.9);
    List<Chart> both = Charts.of(List.of(cheap, worse));
    assertThat(both).extracting(Chart::type).containsExactly("power", "tradeoff");
    String json = ReportJson.write(both.get(1).data());
    assertThat(json).contains("\"id\":\"eeeeeeeeeeee\",\"name\":\"cheap\",\"kind\":\"train\",\"grams\":0.45,\"accuracy\":0.97,\"front\":true")
        .contains("\"id\":\"ffffffffffff\",\"name\":\"worse\",\"kind\":\"train\",\"grams\":0.45,\"accuracy\":0.9,\"front\":false");
    assertThat(both.get(1).points()).isEqualTo(3);
    // 0.45 g ±11.3 %: a bar from 0.399 to 0.501 g at each run's accuracy
    double u = RunRowTest.FOOTPRINT.uncertaintyPct() / 100;
    assertThat(json).contains("\"errors\":[[0.97," + 0.45 * (1 - u) + "," + 0.45 * (1 + u) + "]");
    assertThat(both.get(1).errorBars()).isEqualTo(2);
    assertThat(both.get(1).caption()).contains("Horizontal bars: ± each run's combined uncertainty");
  }

  @Test
  void aRunWhoseUncertaintyIsNotKnownGetsNoBarsAndTheCaptionNamesIt() {
    Run x = run("a0a0a0a0a0a0", "old", Map.of(), Map.of()).run();
    io.lowcarb.track.Footprint old = new io.lowcarb.track.Footprint(
        List.of(new io.lowcarb.track.EnergyFigure("cpu", 0.001, "rapl", "rapl:package-0")), 0.001, 0.0002, 200, "DE",
        "table", "average", 1.0);
    ReportRun r = new ReportRun(new Run(x.id(), x.kind(), x.name(), x.command(), x.parameters(), x.status(), x.start(),
        x.end(), x.machine(), Optional.of(old), x.metrics(), x.mainMetric(), x.unit(), x.exitCode(), x.message(),
        x.artifacts()), Map.of(ReportRun.ENERGY, List.of(new Point(1, 0.0005), new Point(2, 0.001))));
    Chart c = Charts.of(List.of(r)).getFirst();
    assertThat(c.points()).isEqualTo(2);
    assertThat(c.errorBars()).isZero();
    assertThat(c.caption()).contains("not known, so none, for a0a0a0a0a0a0");
    assertThat(ReportJson.write(c.data())).contains("\"energy_errors\":[]");
  }

  @Test
  void longSeriesAreThinnedAndTheCaptionSaysSo() {
    List<Point> cpu = new java.util.ArrayList<>();
    List<Point> energy = new java.util.ArrayList<>();
    for (int t = 1; t <= 7200; t++) {
      cpu.add(new Point(t, 40 + t % 7));
      energy.add(new Point(t, t / 100_000.0));
    }
    ReportRun r = run("abababababab", "two hours", Map.of(), Map.of("power_w.cpu", cpu, ReportRun.ENERGY, energy));
    List<Chart> charts = Charts.of(List.of(r));
    // groups of 8 seconds; every 8th cumulative point and the last
    assertThat(charts).extracting(Chart::points).containsExactly(900, 901);
    assertThat(charts.getFirst().caption()).contains("averaged over longer intervals to show at most 1000 points");
    assertThat(charts.get(1).caption()).doesNotContain("averaged");
    assertThat(ReportJson.write(charts.get(1).data())).contains("[7200.0,0.072]],\"emissions\":[]")
        .contains("\"emissions_errors\":[]");
    assertThat(charts.get(1).errorBars()).as("band points along the 901 energy points").isEqualTo(901);
  }

  private static ReportRun withAccuracy(ReportRun r, double accuracy) {
    Run x = r.run();
    return new ReportRun(new Run(x.id(), RunKind.TRAIN, x.name(), x.command(), x.parameters(), x.status(), x.start(),
        x.end(), x.machine(), x.footprint(), Map.of("accuracy", accuracy), "accuracy", x.unit(), x.exitCode(),
        x.message(), x.artifacts()), r.series());
  }
}
