package io.lowcarb.schedule.provider;

import static io.lowcarb.schedule.provider.ReplayServer.Reply;
import static io.lowcarb.schedule.provider.ReplayServer.resource;
import static io.lowcarb.schedule.provider.TestHttp.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lowcarb.energy.carbon.IntensityKind;
import io.lowcarb.energy.carbon.IntensityPoint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UK Carbon Intensity API against canned responses in its own format, on a loopback server. */
class UkCarbonIntensityProviderTest {
  private static final Duration HALF_HOUR = Duration.ofMinutes(30);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

  @TempDir Path cacheDir;
  final ReplayServer server = new ReplayServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private UkCarbonIntensityProvider provider(String zone) {
    return new UkCarbonIntensityProvider(zone, server.url(""), new TestHttp(cacheDir).settings().build());
  }

  @Test
  void theNationalForecastUsesActualsWhereKnownAndForecastsElsewhere() throws Exception {
    server.on("/intensity/2024-05-21T09:30Z/fw48h", Reply.json(resource("uk-fw48h.json")));
    UkCarbonIntensityProvider uk = provider("GB");
    List<IntensityPoint> f = uk.forecast(NOW.minus(Duration.ofMinutes(40)), NOW.plus(Duration.ofMinutes(100)));
    assertThat(f).extracting(IntensityPoint::start).containsExactly(
        Instant.parse("2024-05-21T09:30:00Z"), Instant.parse("2024-05-21T10:00:00Z"), Instant.parse("2024-05-21T10:30:00Z"),
        Instant.parse("2024-05-21T11:00:00Z"), Instant.parse("2024-05-21T11:30:00Z"));
    assertThat(f.getFirst()).isEqualTo(new IntensityPoint(Instant.parse("2024-05-21T09:30:00Z"), HALF_HOUR, 188,
        IntensityKind.SERIES, "UK Carbon Intensity API", NOW));
    assertThat(f.get(1).kind()).isEqualTo(IntensityKind.FORECAST);
    assertThat(f.get(1).gPerKwh()).isEqualTo(185);
    assertThat(f).allMatch(p -> p.duration().equals(HALF_HOUR));
    assertThat(uk.zone()).isEqualTo("GB");
  }

  @Test
  void aPastRangeHasActualValues() throws Exception {
    server.on("/intensity/2024-05-20T00:00Z/2024-05-20T02:00Z", Reply.json(resource("uk-range.json")));
    UkCarbonIntensityProvider uk = provider("uk");
    List<IntensityPoint> points = uk.between(Instant.parse("2024-05-20T00:10:00Z"), Instant.parse("2024-05-20T02:00:00Z"));
    assertThat(points).extracting(IntensityPoint::gPerKwh).containsExactly(145.0, 146.0, 147.0, 148.0);
    assertThat(points).allMatch(p -> p.kind() == IntensityKind.SERIES);

    server.on("/intensity/2024-05-20T01:00Z/2024-05-20T01:30Z", Reply.json(resource("uk-range.json")));
    assertThat(uk.at(Instant.parse("2024-05-20T01:10:00Z")).gPerKwh()).isEqualTo(147);
  }

  @Test
  void aPostcodeGivesItsRegionsForecast() throws Exception {
    server.on("/regional/intensity/2024-05-21T10:00Z/fw48h/postcode/RG10", Reply.json(resource("uk-regional-fw48h.json")));
    UkCarbonIntensityProvider uk = provider("rg10 9xx");
    assertThat(uk.zone()).isEqualTo("RG10");
    assertThat(uk.source()).isEqualTo("UK Carbon Intensity API, region of RG10");
    List<IntensityPoint> f = uk.forecast(NOW, NOW.plus(Duration.ofHours(1)));
    assertThat(f).extracting(IntensityPoint::gPerKwh).containsExactly(128.0, 130.0, 132.0);
    assertThat(f).allSatisfy(p -> {
      assertThat(p.kind()).isEqualTo(IntensityKind.FORECAST);
      assertThat(p.source()).isEqualTo("UK Carbon Intensity API, region of RG10");
    });
  }

  @Test
  void aRegionWrappedInAListIsReadToo() throws Exception {
    String wrapped = resource("uk-regional-fw48h.json").replaceFirst("\"data\": \\{", "\"data\": [{").stripTrailing();
    wrapped = wrapped.substring(0, wrapped.length() - 1) + "]}";
    server.on("/regional/intensity/2024-05-21T10:00Z/fw48h/postcode/RG10", Reply.json(wrapped));
    assertThat(provider("RG10").forecast(NOW, NOW.plus(Duration.ofHours(1)))).hasSize(3);
  }

  @Test
  void aZoneThatIsNeitherGbNorAPostcodeIsRefused() {
    assertThatThrownBy(() -> provider("Reading"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the UK Carbon Intensity API takes GB or an outward postcode such as RG10, got 'Reading'");
  }

  /** Answers like the API: from the period that ends at {@code from} to the one that starts at {@code to}. */
  private static Reply range(ReplayServer.Seen request) {
    String[] parts = request.path().split("/");
    Instant from = Instant.parse(parts[2].replace("Z", ":00Z"));
    Instant to = Instant.parse(parts[3].replace("Z", ":00Z"));
    ObjectNode root = new ObjectMapper().createObjectNode();
    ArrayNode data = root.putArray("data");
    for (Instant t = from.minus(HALF_HOUR); !t.isAfter(to); t = t.plus(HALF_HOUR)) {
      ObjectNode p = data.addObject().put("from", TIME.format(t)).put("to", TIME.format(t.plus(HALF_HOUR)));
      p.putObject("intensity").put("forecast", 200).put("actual", 100 + t.getEpochSecond() / 1800 % 90).put("index", "low");
    }
    return Reply.json(root.toString());
  }

  @Test
  void aLongRangeIsAskedForInChunksWithinTheApisLimitAndMergedWithoutDuplicates() throws Exception {
    Instant from = Instant.parse("2024-03-01T00:00:00Z");
    Instant to = Instant.parse("2024-03-31T00:00:00Z");
    for (Instant a = from; a.isBefore(to); a = a.plus(UkCarbonIntensityProvider.RANGE_LIMIT)) {
      Instant b = a.plus(UkCarbonIntensityProvider.RANGE_LIMIT).isBefore(to) ? a.plus(UkCarbonIntensityProvider.RANGE_LIMIT) : to;
      server.answer("/intensity/" + TIME.format(a) + "/" + TIME.format(b), UkCarbonIntensityProviderTest::range);
    }
    List<IntensityPoint> points = provider("GB").between(from, to);
    assertThat(server.seen()).hasSize(3);
    assertThat(points).hasSize(30 * 48);
    assertThat(points).extracting(IntensityPoint::start).doesNotHaveDuplicates();
    assertThat(points.getFirst().start()).isEqualTo(from);
    assertThat(points.getLast().end()).isEqualTo(to);
    for (int i = 1; i < points.size(); i++) {
      assertThat(points.get(i).start()).isEqualTo(points.get(i - 1).end());
    }
  }

  @Test
  void aPeriodWithoutIntensityIsNamed() {
    server.on("/intensity/2024-05-21T10:00Z/fw48h",
        Reply.json("{\"data\":[{\"from\":\"2024-05-21T10:00Z\",\"to\":\"2024-05-21T10:30Z\"}]}"));
    assertThatThrownBy(() -> provider("GB").forecast(NOW, NOW.plus(Duration.ofHours(1))))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("UK Carbon Intensity API sent no field 'data[0].intensity' in its intensity response");
  }
}
