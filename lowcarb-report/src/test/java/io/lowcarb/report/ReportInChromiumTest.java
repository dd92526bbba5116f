package io.lowcarb.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.track.Point;
import io.lowcarb.track.RunFilter;
import io.lowcarb.track.RunStore;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report file in a real browser: Chromium opens it offline, draws every chart with data and
 * logs nothing to the console. Also takes the README's screenshot: with
 * {@code -Dlowcarb.screenshot=PATH} it is copied there (scripts/report-screenshot).
 */
class ReportInChromiumTest {
  static final Instant DAY = Instant.parse("2023-03-14T00:00:00Z");
  static final Instant NOW = Instant.parse("2023-03-16T09:00:00Z");

  @TempDir Path dir;

  @Test
  void everyChartOfRealisticRunsIsDrawnWithItsDataAndNoConsoleMessage() throws Exception {
    Chromium chromium = Chromium.require();
    Optional<Path> traces = SampleRuns.sharedTraces();
    List<Point> intensity = traces.isPresent() ? SampleRuns.spain(traces.get(), DAY) : SampleRuns.diurnal(DAY);
    Path html = dir.resolve("report.html");
    try (RunStore store = RunStore.open("jdbc:h2:file:" + dir.resolve("runs"))) {
      SampleRuns.fill(store, DAY.plusSeconds(9 * 3600), intensity);
      List<ReportRun> runs = RunSource.of(store).withSeries(store.list(RunFilter.latest(20)));
      Files.writeString(html, ReportPage.file(runs, NOW).html());
    }

    Chromium.Load load = chromium.dom(html.toUri());
    assertThat(load.console()).as("console messages; chromium said:\n%s", load.log()).isEmpty();
    List<RenderedPage.Figure> figures = RenderedPage.figures(load.dom());
    assertThat(figures).extracting(RenderedPage.Figure::type)
        .containsExactly("power", "cumulative", "epochs", "tradeoff", "intensity");
    assertThat(RenderedPage.chartsDrawn(load.dom())).isEqualTo(figures.size());
    for (RenderedPage.Figure f : figures) {
      assertThat(f.expected()).as(f.id()).isPositive();
      assertThat(f.points()).as("points the library holds in %s", f.id()).isEqualTo(f.expected());
      assertThat(f.svgShapes()).as("SVG shapes drawn in %s", f.id()).isGreaterThan(5);
    }
    // power: 3 components x 120 samples; intensity: two days of hours
    assertThat(figures.get(0).points()).isEqualTo(360);
    assertThat(figures.get(4).points()).isEqualTo(48);
    assertThat(load.dom()).contains("<td>finetune.py</td>").contains("operational only");
    // Every energy and CO2e figure with its uncertainty, and the charts' error bars and bands drawn from data.
    for (RenderedPage.Figure f : figures) {
      assertThat(f.errorBars()).as("error bars the library holds in %s", f.id()).isEqualTo(f.expectedErrors());
    }
    assertThat(figures.subList(0, 4)).as("power, cumulative, epochs and tradeoff have bars or bands")
        .allSatisfy(f -> assertThat(f.errorBars()).as(f.type()).isPositive());
    assertThat(figures.get(0).errorBars()).as("a band for each component's 120 samples").isEqualTo(360);
    assertThat(figures.get(4).errorBars()).as("intensity: no energy figure").isZero();
    assertThat(load.dom()).containsPattern("<td>[0-9.]+ kWh mixed ±[0-9.]+ % \\(cpu rapl ±10 %")
        .containsPattern("<td>[0-9.]+ g mixed ±[0-9.]+ %</td>")
        .as("a run stored without its uncertainty").contains("measured ± -");

    Path png = dir.resolve("report.png");
    Chromium.Load shot = chromium.screenshot(html.toUri(), png, 1280, 2400);
    assertThat(shot.console()).as(shot.log()).isEmpty();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(colours(image)).as("distinct colours: a drawn page, not a blank one").isGreaterThan(50);
    String keep = System.getProperty("lowcarb.screenshot", "");
    if (!keep.isBlank()) {
      Files.copy(png, Path.of(keep), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
