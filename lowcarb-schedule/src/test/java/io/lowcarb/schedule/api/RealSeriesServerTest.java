package io.lowcarb.schedule.api;

import static io.lowcarb.schedule.api.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.IntensitySeries;
import io.lowcarb.energy.carbon.SeriesFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API over a year of Electricity Maps data, checked against sums over the file's rows. */
class RealSeriesServerTest {
  static final Path DATA = Path.of("../../shared/data/carbon-intensity");

  private static List<IntensityPoint> hours(IntensitySeries s, Instant from, Instant to) {
    List<IntensityPoint> out = s.points().stream()
        .filter(p -> !p.start().isBefore(from) && p.start().isBefore(to)).toList();
    assumeTrue(out.size() == Duration.between(from, to).toHours(), "the data has no gap from " + from + " to " + to);
    return out;
  }

  @Test
  void averagesBestPlacesAndForecastWindowsOverRealData() throws Exception {
    Path es = DATA.resolve("ES_2023_hourly.csv");
    Path no = DATA.resolve("NO_2023_hourly.csv");
    assumeTrue(Files.isReadable(es) && Files.isReadable(no), "the shared carbon-intensity data is absent");
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("ES", es);
    files.put("NO", no);
    IntensitySeries esSeries = SeriesFiles.read(es, SeriesFiles.Basis.LCA);
    IntensitySeries noSeries = SeriesFiles.read(no, SeriesFiles.Basis.LCA);
    Instant day = Instant.parse("2023-03-01T00:00:00Z");
    try (CarbonAwareServer server = CarbonAwareServer.builder(Catalog.fromSeriesFiles(files, SeriesFiles.Basis.LCA))
        .port(0).clock(InstantSource.fixed(day)).start()) {
      Api api = new Api(server.uri());

      List<IntensityPoint> esDay = hours(esSeries, day, day.plus(Duration.ofDays(1)));
      double mean = esDay.stream().mapToDouble(IntensityPoint::gPerKwh).sum() / 24;
      JsonNode avg = json(api.get("/emissions/average-carbon-intensity?location=es"
          + "&startTime=2023-03-01T00:00:00Z&endTime=2023-03-02T00:00:00Z"));
      assertThat(avg.get("carbonIntensity").asDouble()).isCloseTo(mean, within(1e-9));

      List<IntensityPoint> noDay = hours(noSeries, day, day.plus(Duration.ofDays(1)));
      double lowest = Double.MAX_VALUE;
      for (IntensityPoint p : esDay) {
        lowest = Math.min(lowest, p.gPerKwh());
      }
      for (IntensityPoint p : noDay) {
        lowest = Math.min(lowest, p.gPerKwh());
      }
      JsonNode best = json(api.get("/emissions/bylocations/best?location=ES&location=NO&time=2023-03-01&toTime=2023-03-02"));
      assertThat(best.get(0).get("rating").asDouble()).isEqualTo(lowest);

      Instant weekEnd = day.plus(Duration.ofDays(7));
      List<IntensityPoint> week = hours(esSeries, day, weekEnd);
      int bestStart = 0;
      double bestMean = Double.MAX_VALUE;
      for (int h = 0; h + 4 <= week.size(); h++) {
        double m = 0;
        for (int k = 0; k < 4; k++) {
          m += week.get(h + k).gPerKwh();
        }
        if (m / 4 < bestMean - 1e-9) {
          bestMean = m / 4;
          bestStart = h;
        }
      }
      JsonNode f = json(api.get("/emissions/forecasts/current?location=ES&dataStartAt=2023-03-01T00:00:00Z"
          + "&dataEndAt=2023-03-08T00:00:00Z&windowSize=240")).get(0);
      assertThat(f.get("forecastData")).hasSize(165);
      JsonNode optimal = f.get("optimalDataPoints").get(0);
      assertThat(optimal.get("value").asDouble()).isCloseTo(bestMean, within(1e-6));
      assertThat(optimal.get("timestamp").asText()).isEqualTo(week.get(bestStart).start().toString());
    }
  }
}
