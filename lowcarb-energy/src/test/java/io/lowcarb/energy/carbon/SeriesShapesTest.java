package io.lowcarb.energy.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Series files of every shape lowcarb reads: formats, resolutions, time zones, text quirks and bad values. */
class SeriesShapesTest {
  static final String EM_2021 = "Datetime (UTC),Country,Zone Name,Zone Id,Carbon Intensity gCO₂eq/kWh (direct),"
      + "Carbon Intensity gCO₂eq/kWh (LCA),Low Carbon Percentage,Renewable Percentage,Data Source,Data Estimated,"
      + "Data Estimation Method";
  static final String EM_2024 = "Datetime (UTC),Country,Zone name,Zone id,Carbon intensity gCO₂eq/kWh (direct),"
      + "Carbon intensity gCO₂eq/kWh (Life cycle),Carbon-free energy percentage (CFE%),"
      + "Renewable energy percentage (RE%),Data source,Data estimated,Data estimation method";
  static final Path SHARED = Path.of("../../shared/data/carbon-intensity");
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static IntensitySeries read(Path f) throws Exception {
    return SeriesFiles.read(f, SeriesFiles.Options.defaults());
  }

  private static Instant t(String iso) {
    return Instant.parse(iso);
  }

  @Test
  void electricityMapsHourlyExportsOfBothHeaderGenerations() throws Exception {
    Path old = file("old.csv", EM_2021 + "\r\n"
        + "2023-01-01 00:00:00,Spain,Spain,ES,100,150,60,50,ree.es,false,\r\n"
        + "2023-01-01 01:00:00,Spain,Spain,ES,110,160,60,50,ree.es,true,ESTIMATED_TIME_SLICER_AVERAGE\r\n");
    Path now = file("new.csv", EM_2024 + "\n"
        + "2024-01-01 00:00:00,Spain,Spain,ES,100,150,60,50,ree.es,false,\n"
        + "2024-01-01 01:00:00,Spain,Spain,ES,110,160,60,50,ree.es,false,\n");
    Path bare = file("bare.csv", "Datetime (UTC),Zone Id,Carbon Intensity gCO₂eq/kWh (direct),"
        + "Carbon Intensity gCO₂eq/kWh (LCA)\n2024-01-01 00:00:00,DE,300,400\n2024-01-01 01:00:00,DE,310,410\n");
    for (Path f : List.of(old, now, bare)) {
      IntensitySeries lca = read(f);
      IntensitySeries direct = SeriesFiles.read(f, SeriesFiles.Basis.DIRECT);
      assertThat(lca.points()).hasSize(2);
      assertThat(lca.points().getFirst().duration()).isEqualTo(Duration.ofHours(1));
      assertThat(lca.points().getFirst().gPerKwh()).isGreaterThan(direct.points().getFirst().gPerKwh());
      assertThat(lca.source()).startsWith("Electricity Maps export").contains(f.getFileName().toString());
      assertThat(lca.points().getFirst().kind()).isEqualTo(IntensityKind.SERIES);
    }
    assertThat(read(now).zone()).isEqualTo("ES");
    assertThat(read(now).points()).extracting(IntensityPoint::gPerKwh).containsExactly(150.0, 160.0);
    assertThat(read(bare).zone()).isEqualTo("DE");
  }

  @Test
  void electricityMapsFiveMinuteAndDailyExports() throws Exception {
    StringBuilder fine = new StringBuilder(EM_2024).append('\n');
    for (int m = 0; m < 60; m += 5) {
      fine.append(String.format("2024-05-01 10:%02d:00,Germany,Germany,DE,%d,%d,50,40,,false,%n", m, 300 + m, 400 + m));
    }
    IntensitySeries fiveMinutes = read(file("DE_5min.csv", fine.toString()));
    assertThat(fiveMinutes.points()).hasSize(12).allMatch(p -> p.duration().equals(Duration.ofMinutes(5)));
    assertThat(fiveMinutes.end()).isEqualTo(t("2024-05-01T11:00:00Z"));
    assertThat(fiveMinutes.at(t("2024-05-01T10:07:30Z")).gPerKwh()).isEqualTo(405);

    IntensitySeries daily = read(file("DE_daily.csv", EM_2024 + "\n"
        + "2024-05-01 00:00:00,Germany,Germany,DE,300,400,50,40,,false,\n"
        + "2024-05-02 00:00:00,Germany,Germany,DE,310,410,50,40,,false,\n"
        + "2024-05-03 00:00:00,Germany,Germany,DE,320,420,50,40,,false,\n"));
    assertThat(daily.points()).allMatch(p -> p.duration().equals(Duration.ofDays(1)));
    assertThat(daily.end()).isEqualTo(t("2024-05-04T00:00:00Z"));
    assertThat(daily.gaps()).isEmpty();
  }

  @Test
  void wattTimeMarginalRatesAreConvertedAndLabelled() throws Exception {
    Path v3 = file("moer.csv", "point_time,value\n2023-01-01T00:00:00+00:00,1000\n2023-01-01T00:05:00+00:00,500\n");
    IntensitySeries s = read(v3);
    assertThat(s.points()).extracting(IntensityPoint::gPerKwh)
        .containsExactly(1000 * 0.45359237, 500 * 0.45359237);
    assertThat(s.points()).allMatch(p -> p.kind() == IntensityKind.MARGINAL)
        .allMatch(p -> p.duration().equals(Duration.ofMinutes(5)));
    assertThat(s.source()).contains("WattTime").contains("marginal");

    Path v2 = file("moer-v2.csv", "timestamp,MOER,version,ba,frequency\n"
        + "2022-06-01T00:00:00Z,900.5,3.2,CAISO_NORTH,300\n2022-06-01T00:05:00Z,901,3.2,CAISO_NORTH,300\n");
    IntensitySeries old = read(v2);
    assertThat(old.zone()).isEqualTo("CAISO_NORTH");
    assertThat(old.points().getFirst().gPerKwh()).isCloseTo(900.5 * 0.45359237, within(1e-9));

    Path wrongUnits = file("units.csv", "point_time,value,units\n2023-01-01T00:00:00Z,1000,g_co2_per_kwh\n"
        + "2023-01-01T00:05:00Z,1000,g_co2_per_kwh\n");
    assertThatThrownBy(() -> read(wrongUnits)).isInstanceOf(SeriesFormatException.class)
        .hasMessageContaining("units.csv:2:").hasMessageContaining("lbs_co2_per_mwh");
  }

  @Test
  void wattTimeJsonAnswersAreRead() throws Exception {
    Path f = file("moer.json", """
        {"data": [
          {"point_time": "2023-01-01T00:00:00+00:00", "value": 1000.0},
          {"point_time": "2023-01-01T00:05:00+00:00", "value": null},
          {"point_time": "2023-01-01T00:10:00+00:00", "value": 800.0}
        ],
        "meta": {"region": "CAISO_NORTH", "signal_type": "co2_moer", "units": "lbs_co2_per_mwh",
                 "data_point_period_seconds": 300}}
        """);
    IntensitySeries s = read(f);
    assertThat(s.zone()).isEqualTo("CAISO_NORTH");
    assertThat(s.points()).hasSize(2).allMatch(p -> p.kind() == IntensityKind.MARGINAL);
    // The null at 00:05 leaves one period out: the value before holds over it (a gap needs twice the step).
    assertThat(s.points().getFirst().duration()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.points().getLast().duration()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void ukCarbonIntensityJsonTakesActualsElseForecasts() throws Exception {
    Path f = file("gb.json", """
        {"data":[
        {"from": "2020-01-01T00:00Z", "to": "2020-01-01T00:30Z",
         "intensity": {"forecast": 186, "actual": 190, "index": "moderate"}},
        {"from": "2020-01-01T00:30Z", "to": "2020-01-01T01:00Z",
         "intensity": {"forecast": 180, "actual": null, "index": "moderate"}},
        {"from": "2020-01-01T01:00Z", "to": "2020-01-01T01:30Z",
         "intensity": {"forecast": 170, "actual": 175, "index": "moderate"}}]}
        """);
    IntensitySeries s = read(f);
    assertThat(s.zone()).isEqualTo("GB");
    assertThat(s.points()).extracting(IntensityPoint::gPerKwh).containsExactly(190.0, 180.0, 175.0);
    assertThat(s.points()).extracting(IntensityPoint::kind)
        .containsExactly(IntensityKind.SERIES, IntensityKind.FORECAST, IntensityKind.SERIES);
    assertThat(s.points()).allMatch(p -> p.duration().equals(Duration.ofMinutes(30)));
    assertThat(s.notes()).singleElement().asString().contains("1 of 3 periods have no actual intensity")
        .contains("forecast");
    assertThat(s.source()).contains("UK Carbon Intensity API");

    Path regional = file("rg10.json", """
        {"data":{"regionid":12,"dnoregion":"SSE South","shortname":"South England","postcode":"RG10","data":[
        {"from":"2020-01-01T00:00Z","to":"2020-01-01T00:30Z","intensity":{"forecast":150,"index":"low"},
         "generationmix":[{"fuel":"gas","perc":30}]},
        {"from":"2020-01-01T00:30Z","to":"2020-01-01T01:00Z","intensity":{"forecast":140,"index":"low"}}]}}
        """);
    IntensitySeries r = read(regional);
    assertThat(r.zone()).isEqualTo("RG10");
    assertThat(r.points()).allMatch(p -> p.kind() == IntensityKind.FORECAST);
  }

  @Test
  void theResolutionMayChangeWithinAFile() throws Exception {
    StringBuilder b = new StringBuilder("time,g_per_kwh\n");
    Instant t0 = t("2020-06-30T20:00:00Z");
    for (int i = 0; i < 8; i++) { // four hours of half hours, then an hour of quarter hours
      b.append(t0.plus(Duration.ofMinutes(30L * i))).append(',').append(100 + i).append('\n');
    }
    for (int i = 0; i < 4; i++) {
      b.append(t0.plus(Duration.ofMinutes(240 + 15L * i))).append(',').append(200 + i).append('\n');
    }
    IntensitySeries s = read(file("switch.csv", b.toString()));
    assertThat(s.gaps()).isEmpty();
    assertThat(s.points().subList(0, 8)).allMatch(p -> p.duration().equals(Duration.ofMinutes(30)));
    assertThat(s.points().subList(8, 12)).allMatch(p -> p.duration().equals(Duration.ofMinutes(15)));
    assertThat(s.end()).isEqualTo(t0.plus(Duration.ofMinutes(300)));
  }

  @Test
  void irregularTimesHoldUntilTheNextAndLongSpacingsAreGaps() throws Exception {
    IntensitySeries s = read(file("irregular.csv", """
        time,g_per_kwh
        2024-01-01T00:00:00Z,10
        2024-01-01T00:07:00Z,20
        2024-01-01T00:20:00Z,30
        2024-01-01T00:31:00Z,40
        2024-01-01T02:00:00Z,50
        2024-01-01T02:10:00Z,60
        """));
    assertThat(s.points()).extracting(IntensityPoint::duration).containsExactly(Duration.ofMinutes(7),
        Duration.ofMinutes(13), Duration.ofMinutes(11), Duration.ofMinutes(10), Duration.ofMinutes(10),
        Duration.ofMinutes(10));
    // 00:31 to 02:00 is longer than twice the steps around it (11 and 10 minutes): its value holds 10 minutes.
    assertThat(s.gaps()).containsExactly(new IntensitySeries.Gap(t("2024-01-01T00:41:00Z"), t("2024-01-01T02:00:00Z")));
  }

  @Test
  void duplicatesKeepTheLastRowAndAreNotedOnce() throws Exception {
    IntensitySeries s = read(file("dups.csv", """
        time,g_per_kwh
        2024-01-01T00:00:00Z,1
        2024-01-01T01:00:00Z,2
        2024-01-01T01:00:00Z,3
        2024-01-01T02:00:00Z,4
        2024-01-01T00:00:00Z,5
        2024-01-01T01:00:00Z,6
        """));
    assertThat(s.points()).extracting(IntensityPoint::gPerKwh).containsExactly(5.0, 6.0, 4.0);
    assertThat(s.notes()).hasSize(2);
    assertThat(s.notes()).anySatisfy(n -> assertThat(n).startsWith("1 row was out of time order"));
    assertThat(s.notes()).anySatisfy(n -> assertThat(n).startsWith("3 rows repeat the time of another")
        .contains("the last row"));
  }

  @Test
  void offsetsAndZAreInstants() throws Exception {
    IntensitySeries s = read(file("offsets.csv", """
        time,g_per_kwh
        2024-03-01T00:00Z,1
        2024-03-01T02:00:00+01:00,2
        2024-03-01 02:00:00+0100,3
        2024-03-01T03:30:00.000+01,4
        """));
    assertThat(s.points()).extracting(IntensityPoint::start).containsExactly(t("2024-03-01T00:00:00Z"),
        t("2024-03-01T01:00:00Z"), t("2024-03-01T02:30:00Z"));
    assertThat(s.points().get(1).gPerKwh()).isEqualTo(3); // the same instant twice: the last row wins
  }

  @Test
  void springForwardInMadridHasTwentyThreeLocalHours() throws Exception {
    StringBuilder b = new StringBuilder("time,g_per_kwh\n");
    for (int h = 0; h < 24; h++) {
      if (h != 2) { // 02:00 to 03:00 does not exist on 2024-03-31 in Madrid
        b.append(String.format("2024-03-31 %02d:00,%d%n", h, 100 + h));
      }
    }
    b.append("2024-04-01 00:00,200\n");
    IntensitySeries s = SeriesFiles.read(file("spring.csv", b.toString()),
        SeriesFiles.Options.defaults().withTimeZone(MADRID));
    assertThat(s.gaps()).isEmpty();
    assertThat(s.points()).hasSize(24).allMatch(p -> p.duration().equals(Duration.ofHours(1)));
    assertThat(s.first()).isEqualTo(t("2024-03-30T23:00:00Z"));
    assertThat(s.points().get(2).start()).isEqualTo(t("2024-03-31T01:00:00Z")); // 03:00 CEST
    assertThat(s.points().get(2).gPerKwh()).isEqualTo(103);
    assertThat(Duration.between(s.first(), s.points().get(23).start())).isEqualTo(Duration.ofHours(23));

    Path skipped = file("skipped.csv", "time,g_per_kwh\n2024-03-31 01:00,1\n2024-03-31 02:30,2\n");
    assertThatThrownBy(() -> SeriesFiles.read(skipped, SeriesFiles.Options.defaults().withTimeZone(MADRID)))
        .isInstanceOf(SeriesFormatException.class).hasMessageContaining("skipped.csv:3:")
        .hasMessageContaining("does not exist in Europe/Madrid");
  }

  @Test
  void fallBackInMadridHasTwentyFiveLocalHoursInTheOrderTheyWereLived() throws Exception {
    StringBuilder b = new StringBuilder("time,g_per_kwh\n");
    int v = 0;
    for (int h = 0; h < 24; h++) {
      b.append(String.format("2024-10-27 %02d:00,%d%n", h, v++));
      if (h == 2) {
        b.append(String.format("2024-10-27 %02d:00,%d%n", h, v++)); // 02:00 again, now in winter time
      }
    }
    b.append("2024-10-28 00:00,99\n");
    IntensitySeries s = SeriesFiles.read(file("autumn.csv", b.toString()),
        SeriesFiles.Options.defaults().withTimeZone(MADRID));
    assertThat(s.notes()).isEmpty();
    assertThat(s.points()).hasSize(26).allMatch(p -> p.duration().equals(Duration.ofHours(1)));
    assertThat(s.first()).isEqualTo(t("2024-10-26T22:00:00Z"));
    assertThat(s.at(t("2024-10-27T00:00:00Z")).gPerKwh()).isEqualTo(2); // 02:00 CEST
    assertThat(s.at(t("2024-10-27T01:00:00Z")).gPerKwh()).isEqualTo(3); // 02:00 CET
    assertThat(s.at(t("2024-10-27T02:00:00Z")).gPerKwh()).isEqualTo(4); // 03:00 CET
    assertThat(Duration.between(s.first(), s.points().get(25).start())).isEqualTo(Duration.ofHours(25));

    // Written backwards, the first 02:00 in the file is still summer time: the rule is by order.
    Path reversed = file("reversed.csv", "time,g_per_kwh\n2024-10-27 03:00,4\n2024-10-27 02:00,2\n"
        + "2024-10-27 02:00,3\n2024-10-27 01:00,1\n");
    IntensitySeries r = SeriesFiles.read(reversed, SeriesFiles.Options.defaults().withTimeZone(MADRID));
    assertThat(r.points()).extracting(IntensityPoint::gPerKwh).containsExactly(1.0, 2.0, 3.0, 4.0);
  }

  @Test
  void quotedFieldsBomAndCrlf() throws Exception {
    String text = "\uFEFF\"Datetime (UTC)\",\"Country\",\"Zone Name\",\"Zone Id\",\"Carbon Intensity gCO₂eq/kWh (direct)\","
        + "\"Carbon Intensity gCO₂eq/kWh (LCA)\",\"Data Source\"\r\n"
        + "\"2023-01-01 00:00:00\",\"Korea, Republic of\",\"South Korea\",\"KR\",\"400.5\",\"450\",\"a, b\"\r\n"
        + "\"2023-01-01 01:00:00\",\"Korea, Republic of\",\"South Korea\",\"KR\",\"401\",\"451\",\"say \"\"hi\"\"\"\r\n";
    Path f = dir.resolve("kr.csv");
    Files.write(f, text.getBytes(StandardCharsets.UTF_8));
    IntensitySeries s = read(f);
    assertThat(s.zone()).isEqualTo("KR");
    assertThat(s.points()).extracting(IntensityPoint::gPerKwh).containsExactly(450.0, 451.0);
  }

  @Test
  void badFilesGetOneClearMessageNamingFileAndLine() throws IOException {
    record Case(String name, String text, String expected) {}
    List<Case> cases = List.of(
        new Case("empty.csv", "", "empty.csv: the file is empty"),
        new Case("blank.csv", "\uFEFF\r\n  \r\n", "the file is empty"),
        new Case("header.csv", "time,g_per_kwh\n", "header.csv:1: a header and no rows"),
        new Case("two-lines.csv", "time,g_per_kwh\n2024-01-01T00:00Z,5\n",
            "two-lines.csv:2: only one value: a series needs at least two times"),
        new Case("nan.csv", "time,g_per_kwh\n2024-01-01T00:00Z,5\n2024-01-01T01:00Z,NaN\n",
            "nan.csv:3: 'NaN' is not an intensity"),
        new Case("inf.csv", "time,g_per_kwh\n2024-01-01T00:00Z,Infinity\n2024-01-01T01:00Z,5\n",
            "inf.csv:2: 'Infinity' is not an intensity"),
        new Case("neg.csv", "time,g_per_kwh\n2024-01-01T00:00Z,5\n2024-01-01T01:00Z,-1\n",
            "neg.csv:3: intensity must be a finite number >= 0"),
        new Case("word.csv", "time,g_per_kwh\n2024-01-01T00:00Z,5\n2024-01-01T01:00Z,12 g\n",
            "word.csv:3: '12 g' is not a number"),
        new Case("hex.csv", "time,g_per_kwh\n2024-01-01T00:00Z,5\n2024-01-01T01:00Z,0x10\n", "'0x10' is not a number"),
        new Case("quote.csv", "time,g_per_kwh\n2024-01-01T00:00Z,5\n\"2024-01-01T01:00Z,6\n",
            "quote.csv:3: a quoted field that starts on line 3 is never closed"),
        new Case("none.csv", "time,g_per_kwh\n2024-01-01T00:00Z,\n", "no intensity values"),
        new Case("bad.json", "{\"data\": [ {\"from\": \"2020-01-01T00:00Z\", ", "bad.json:1: malformed JSON"),
        new Case("nan.json", "{\"data\":[{\"from\":\"2020-01-01T00:00Z\",\"to\":\"2020-01-01T00:30Z\",\n"
            + "\"intensity\":{\"actual\":NaN}}]}", "nan.json:2: 'NaN' is not an intensity"),
        new Case("other.json", "{\"values\": [1, 2]}", "other.json:1: JSON without a 'data' field"),
        new Case("unknown.csv", "Datetime,Intensity\n2024-03-01,1\n", "unknown.csv:1: unknown header"));
    for (Case c : cases) {
      Path f = file(c.name(), c.text());
      assertThatThrownBy(() -> read(f)).as(c.name()).isInstanceOf(SeriesFormatException.class)
          .hasMessageContaining(c.expected())
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(latin1, "time,g_per_kwh\n2024-01-01T00:00Z,5 \u00b5\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> read(latin1)).hasMessageContaining("latin1.csv").hasMessageContaining("not UTF-8");
  }

  @Test
  void theSharedTracesReadWithoutGaps() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(SHARED), "the shared traces are beside the project");
    List<Path> files;
    try (Stream<Path> list = Files.list(SHARED)) {
      files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      IntensitySeries s = read(f);
      assertThat(s.points()).as(f.toString()).hasSizeGreaterThan(8000);
      assertThat(s.notes()).as(f.toString()).isEmpty();
      assertThat(s.gaps()).as(f.toString()).isEmpty();
      assertThat(Duration.between(s.first(), s.end())).as(f.toString()).isEqualTo(Duration.ofDays(365));
    }
  }
}
