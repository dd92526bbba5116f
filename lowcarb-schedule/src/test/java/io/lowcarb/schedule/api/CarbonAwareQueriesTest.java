package io.lowcarb.schedule.api;

import static io.lowcarb.schedule.api.Hourly.T0;
import static io.lowcarb.schedule.api.Hourly.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import io.lowcarb.energy.carbon.IntensityKind;
import io.lowcarb.energy.carbon.IntensityPoint;
import io.lowcarb.energy.carbon.IntensitySeries;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CarbonAwareQueriesTest {
  static final double[] A = {300, 280, 100, 120, 400, 90, 95, 500, 60, 70, 450, 200};
  static final double[] B = {250, 260, 270, 50, 300, 310, 320, 330, 340, 350, 360, 370};

  private static CarbonAwareQueries queries(Instant now, Duration horizon) {
    Map<String, IntensitySeries> series = new LinkedHashMap<>();
    series.put("A", Hourly.series("A", A));
    series.put("B", Hourly.series("B", B));
    Catalog catalog = Catalog.ofSeries(series);
    return new CarbonAwareQueries(catalog, InstantSource.fixed(now), horizon);
  }

  private static final CarbonAwareQueries Q = queries(at(2.5), Duration.ofHours(6));

  @Test
  void emissionsAreThePeriodsOverlappingTheRange() {
    List<EmissionsData> e = Q.emissions(List.of("A"), at(1.5), at(4));
    assertThat(e).extracting(EmissionsData::time).containsExactly(at(1), at(2), at(3));
    assertThat(e).extracting(EmissionsData::rating).containsExactly(280.0, 100.0, 120.0);
    assertThat(e).allSatisfy(d -> assertThat(d.duration()).isEqualTo(Duration.ofHours(1)));
  }

  @Test
  void withoutTimesTheAnswerIsThePeriodInEffectNow() {
    assertThat(Q.emissions(List.of("a"), null, null))
        .containsExactly(new EmissionsData("A", at(2), 100, Duration.ofHours(1)));
    assertThat(Q.emissions(List.of("A"), at(7.2), null)).extracting(EmissionsData::rating).containsExactly(500.0);
    assertThat(queries(at(40), Duration.ofHours(1)).emissions(List.of("A"), null, null)).isEmpty();
  }

  @Test
  void bestIsTheLowestRatingOverAllLocationsWithTies() {
    List<EmissionsData> best = Q.best(List.of("A", "B"), T0, at(12));
    assertThat(best).containsExactly(new EmissionsData("B", at(3), 50, Duration.ofHours(1)));
    Catalog tied = Catalog.ofSeries(Map.of("C", Hourly.series("C", 5, 1, 5), "D", Hourly.series("D", 1, 9, 9)));
    List<EmissionsData> ties = new CarbonAwareQueries(tied, InstantSource.fixed(T0), Duration.ofHours(1))
        .best(List.of("C", "D"), T0, at(3));
    assertThat(ties).extracting(EmissionsData::location, EmissionsData::time)
        .containsExactlyInAnyOrder(tuple("C", at(1)), tuple("D", T0));
  }

  @Test
  void theForecastRollsTheWindowAndFindsTheBestStartByBruteForce() {
    EmissionsForecast f = Q.currentForecast("A", T0, at(12), 120);
    assertThat(f.windowSize()).isEqualTo(120);
    assertThat(f.dataStartAt()).isEqualTo(T0);
    assertThat(f.dataEndAt()).isEqualTo(at(12));
    assertThat(f.generatedAt()).isEqualTo(T0); // a replay is a forecast made at the start
    assertThat(f.requestedAt()).isEqualTo(at(2.5));
    assertThat(f.forecastData()).hasSize(11);
    for (int i = 0; i < 11; i++) {
      ForecastPoint p = f.forecastData().get(i);
      assertThat(p.timestamp()).isEqualTo(at(i));
      assertThat(p.duration()).isEqualTo(120);
      assertThat(p.value()).isCloseTo((A[i] + A[i + 1]) / 2, within(1e-9));
    }
    assertThat(f.optimalDataPoints()).containsExactly(new ForecastPoint("A", at(8), 120, 65));
  }

  @Test
  void anOptimalWindowMayStartBetweenTheRolledPointsAndIsNeverWorse() {
    Instant start = at(0.5);
    Instant end = at(11.75);
    EmissionsForecast f = Q.currentForecast("A", start, end, 90);
    double brute = Double.POSITIVE_INFINITY;
    Instant bruteStart = null;
    for (Instant s = start; !s.plus(Duration.ofMinutes(90)).isAfter(end); s = s.plusSeconds(60)) {
      double m = Hourly.minuteMean(A, s, s.plus(Duration.ofMinutes(90)));
      if (m < brute - 1e-12) {
        brute = m;
        bruteStart = s;
      }
    }
    ForecastPoint best = f.optimalDataPoints().getFirst();
    assertThat(best.value()).isCloseTo(brute, within(1e-9));
    assertThat(best.timestamp()).isEqualTo(bruteStart);
    assertThat(f.forecastData()).allSatisfy(p -> assertThat(p.value()).isGreaterThanOrEqualTo(best.value() - 1e-9));
    assertThat(f.forecastData().getFirst().timestamp()).isEqualTo(start);
    assertThat(f.forecastData().getLast().timestamp()).isEqualTo(at(9.5)); // from 10:30 it would end after 11:45
    for (ForecastPoint p : f.forecastData()) {
      assertThat(p.value()).isCloseTo(Hourly.minuteMean(A, p.timestamp(), p.timestamp().plus(Duration.ofMinutes(90))), within(1e-9));
    }
  }

  @Test
  void withoutBoundsTheForecastRunsFromNowToTheHorizonAtOnePeriodAWindow() {
    EmissionsForecast f = Q.currentForecast("A", null, null, null);
    assertThat(f.dataStartAt()).isEqualTo(at(2));
    assertThat(f.dataEndAt()).isEqualTo(at(9));
    assertThat(f.windowSize()).isEqualTo(60);
    assertThat(f.forecastData()).extracting(ForecastPoint::value).containsExactly(100.0, 120.0, 400.0, 90.0, 95.0, 500.0, 60.0);
    assertThat(f.optimalDataPoints()).containsExactly(new ForecastPoint("A", at(8), 60, 60));
  }

  @Test
  void aReplayedForecastEndsWithItsSeriesWhenTheRequestGivesNoEnd() {
    EmissionsForecast f = queries(at(10), Duration.ofHours(6)).currentForecast("A", null, null, 60);
    assertThat(f.dataStartAt()).isEqualTo(at(10));
    assertThat(f.dataEndAt()).isEqualTo(at(12));
    assertThat(f.forecastData()).extracting(ForecastPoint::value).containsExactly(450.0, 200.0);
  }

  @Test
  void anyForecastSourcePlugsIn() {
    Instant made = at(-3);
    ForecastSource flat = (from, to) -> {
      List<IntensityPoint> points = new ArrayList<>();
      for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(30))) {
        double v = t.equals(at(1.5)) ? 10 : 100;
        points.add(new IntensityPoint(t, Duration.ofMinutes(30), v, IntensityKind.FORECAST, "flat", made));
      }
      return new Forecast(made, points);
    };
    Catalog c = new Catalog(List.of(new Catalog.Location("F", Hourly.series("F", A), flat)));
    EmissionsForecast f = new CarbonAwareQueries(c, InstantSource.fixed(T0), Duration.ofHours(4))
        .currentForecast("F", null, null, 60);
    assertThat(f.generatedAt()).isEqualTo(made);
    assertThat(f.forecastData()).hasSize(7); // 30-minute ticks, 60-minute windows, 4 hours
    assertThat(f.optimalDataPoints()).extracting(ForecastPoint::timestamp).containsExactly(at(1));
    assertThat(f.optimalDataPoints().getFirst().value()).isEqualTo(55);
  }

  @Test
  void aWindowLongerThanTheRangeGivesEmptyLists() {
    EmissionsForecast f = Q.currentForecast("A", T0, at(2), 180);
    assertThat(f.forecastData()).isEmpty();
    assertThat(f.optimalDataPoints()).isEmpty();
  }

  @Test
  void theAverageIsTimeWeighted() {
    CarbonIntensity c = Q.average("A", at(0.5), at(3.25));
    double byHand = (300 * 30 + 280 * 60 + 100 * 60 + 120 * 15) / 165.0;
    assertThat(c.carbonIntensity()).isCloseTo(byHand, within(1e-9));
    assertThat(c).extracting(CarbonIntensity::location, CarbonIntensity::startTime, CarbonIntensity::endTime)
        .containsExactly("A", at(0.5), at(3.25));
  }

  @Test
  void aCatalogRefusesTwinNamesAndMissingSources() {
    assertThatThrownBy(() -> Catalog.ofSeries(Map.of("es", Hourly.series("a", 1), "ES", Hourly.series("b", 2))))
        .hasMessageContaining("in the catalog twice");
    assertThatThrownBy(() -> new Catalog.Location("X", null, null)).hasMessageContaining("X needs an intensity provider");
  }

  @Test
  void badRequestsNameTheParameter() {
    assertThatThrownBy(() -> Q.emissions(List.of("X"), null, null))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("unknown location 'X'").hasMessageContaining("A, B");
    assertThatThrownBy(() -> Q.emissions(List.of(" "), null, null)).hasMessageContaining("location is required");
    assertThatThrownBy(() -> Q.emissions(List.of("A"), null, at(3))).hasMessageContaining("time must be given when toTime is");
    assertThatThrownBy(() -> Q.emissions(List.of("A"), at(3), at(3))).hasMessageContaining("must be before toTime");
    assertThatThrownBy(() -> Q.average("A", at(1), null)).hasMessageContaining("endTime is required");
    assertThatThrownBy(() -> Q.average("A", at(11), at(13))).hasMessageContaining("does not cover");
    assertThatThrownBy(() -> Q.currentForecast("A", at(3), at(2), null)).hasMessageContaining("must be before dataEndAt");
    assertThatThrownBy(() -> Q.currentForecast("A", T0, at(20), null))
        .satisfies(e -> assertThat(((InvalidRequestException) e).errors()).containsKey("dataStartAt"));
    assertThatThrownBy(() -> Q.currentForecast("A", T0, at(2), -5)).hasMessageContaining("windowSize");
  }
}
