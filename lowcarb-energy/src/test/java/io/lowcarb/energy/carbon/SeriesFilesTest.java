package io.lowcarb.energy.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesFilesTest {
  static final Path ES_2022 = Path.of("../../shared/data/carbon-intensity/ES_2022_hourly.csv");

  @TempDir Path dir;

  private Path file(String text) throws IOException {
    Path f = dir.resolve("series.csv");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void readsAnElectricityMapsExport() throws Exception {
    Assumptions.assumeTrue(Files.exists(ES_2022), "the shared traces are beside the project");
    IntensitySeries lca = SeriesFiles.read(ES_2022, SeriesFiles.Basis.LCA);
    IntensitySeries direct = SeriesFiles.read(ES_2022, SeriesFiles.Basis.DIRECT);
    assertThat(lca.points()).hasSize(8760);
    assertThat(lca.zone()).isEqualTo("ES");
    assertThat(lca.points().getFirst().duration()).isEqualTo(Duration.ofHours(1));
    Instant newYear = Instant.parse("2022-01-01T00:00:00Z");
    assertThat(lca.at(newYear).gPerKwh()).isEqualTo(175.54);
    assertThat(direct.at(newYear.plusSeconds(1800)).gPerKwh()).isEqualTo(133.64);
    assertThat(lca.at(newYear).kind()).isEqualTo(IntensityKind.SERIES);
    assertThat(lca.source()).contains("Electricity Maps").contains("lca");
    assertThat(lca.end()).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
  }

  @Test
  void readsThePlainFormat() throws Exception {
    // Times with Z, with an offset, or without one (UTC).
    IntensitySeries s = SeriesFiles.read(file(
        "time,g_per_kwh\n2024-03-01T00:00:00Z,100\n2024-03-01T02:00:00+01:00,120\n2024-03-01 02:00:00,300\n"),
        SeriesFiles.Basis.LCA);
    assertThat(s.points()).extracting(IntensityPoint::start).containsExactly(
        Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-03-01T01:00:00Z"), Instant.parse("2024-03-01T02:00:00Z"));
    assertThat(s.at(Instant.parse("2024-03-01T01:59:00Z")).gPerKwh()).isEqualTo(120);
  }

  @Test
  void namesTheLineOfABadValue() throws IOException {
    Path f = file("time,g_per_kwh\n2024-03-01T00:00:00Z,100\n2024-03-01T01:00:00Z,abc\n");
    assertThatThrownBy(() -> SeriesFiles.read(f, SeriesFiles.Basis.LCA))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessageContaining("series.csv:3:")
        .hasMessageContaining("'abc' is not a number");
  }

  @Test
  void refusesNegativeValuesBadTimesAndUnknownHeaders() throws IOException {
    Path negative = file("time,g_per_kwh\n2024-03-01T00:00:00Z,-4\n");
    assertThatThrownBy(() -> SeriesFiles.read(negative, SeriesFiles.Basis.LCA)).hasMessageContaining(":2:");
    Path unknown = file("when,how much\n1,2\n");
    assertThatThrownBy(() -> SeriesFiles.read(unknown, SeriesFiles.Basis.LCA)).hasMessageContaining("unknown header");
    Path badTime = file("time,g_per_kwh\nyesterday,2\n");
    assertThatThrownBy(() -> SeriesFiles.read(badTime, SeriesFiles.Basis.LCA)).hasMessageContaining("'yesterday' is not a time");
  }

  @Test
  void unorderedRowsAreSortedWithANote() throws Exception {
    IntensitySeries s = SeriesFiles.read(file("time,g_per_kwh\n2024-03-01T01:00:00Z,1\n2024-03-01T00:00:00Z,2\n"),
        SeriesFiles.Basis.LCA);
    assertThat(s.points()).extracting(IntensityPoint::gPerKwh).containsExactly(2.0, 1.0);
    assertThat(s.notes()).singleElement().asString().contains("1 row was out of time order");
  }

  @Test
  void aMissingHourIsHeldAndALongerHoleIsAGap() throws Exception {
    // Step semantics: 00:00's value holds until the next value at 02:00 (one missing row).
    IntensitySeries held = SeriesFiles.read(file(
        "time,g_per_kwh\n2024-03-01T00:00:00Z,100\n2024-03-01T01:00:00Z,\n2024-03-01T02:00:00Z,300\n"
            + "2024-03-01T03:00:00Z,400\n"),
        SeriesFiles.Basis.LCA);
    assertThat(held.at(Instant.parse("2024-03-01T01:30:00Z")).gPerKwh()).isEqualTo(100);
    assertThat(held.gaps()).isEmpty();
    // Three missing hours are more than twice the hourly step: a gap, never papered over.
    IntensitySeries s = SeriesFiles.read(file(
        "time,g_per_kwh\n2024-03-01T00:00:00Z,100\n2024-03-01T01:00:00Z,200\n2024-03-01T05:00:00Z,300\n"
            + "2024-03-01T06:00:00Z,400\n"),
        SeriesFiles.Basis.LCA);
    assertThat(s.gaps()).containsExactly(
        new IntensitySeries.Gap(Instant.parse("2024-03-01T02:00:00Z"), Instant.parse("2024-03-01T05:00:00Z")));
    assertThatThrownBy(() -> s.at(Instant.parse("2024-03-01T03:30:00Z"))).isInstanceOf(IntensityUnavailableException.class);
    assertThatThrownBy(() -> s.between(Instant.parse("2024-03-01T00:30:00Z"), Instant.parse("2024-03-01T05:30:00Z")))
        .isInstanceOf(IntensityUnavailableException.class);
    assertThat(s.at(Instant.parse("2024-03-01T01:59:59Z")).gPerKwh()).isEqualTo(200);
    assertThat(s.at(Instant.parse("2024-03-01T06:59:59Z")).gPerKwh()).isEqualTo(400);
    assertThat(s.end()).isEqualTo(Instant.parse("2024-03-01T07:00:00Z"));
  }

  @Test
  void meanIntensityWeighsEachHourByItsOverlap() throws Exception {
    IntensitySeries s = SeriesFiles.read(file("time,g_per_kwh\n2024-03-01T00:00:00Z,100\n2024-03-01T01:00:00Z,300\n"),
        SeriesFiles.Basis.LCA);
    double mean = Emissions.meanIntensity(s, Instant.parse("2024-03-01T00:30:00Z"), Duration.ofHours(1));
    assertThat(mean).isCloseTo(200, within(1e-9));
    double quarter = Emissions.meanIntensity(s, Instant.parse("2024-03-01T00:45:00Z"), Duration.ofMinutes(60));
    assertThat(quarter).isCloseTo(250, within(1e-9));
  }
}
