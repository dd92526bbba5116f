package io.lowcarb.energy.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small files in both formats, well and badly formed. */
class SeriesFormatsTest {
  static final String EM_HEADER = "Datetime (UTC),Country,Zone Name,Zone Id,Carbon Intensity gCO₂eq/kWh (direct),"
      + "Carbon Intensity gCO₂eq/kWh (LCA),Low Carbon Percentage,Renewable Percentage,Data Source,Data Estimated,"
      + "Data Estimation Method";

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void anElectricityMapsExportGivesEitherBasisAndItsZone() throws Exception {
    Path f = file("NO-NO1_2023.csv", EM_HEADER + "\n"
        + "2023-01-01 00:00:00,Norway,Southeast Norway,NO-NO1,10.5,30.25,98,97,entsoe.eu,false,\n"
        + "2023-01-01 01:00:00,Norway,Southeast Norway,NO-NO1,11.5,31.25,98,97,entsoe.eu,true,TIME_SLICER_AVERAGE\n");
    IntensitySeries direct = SeriesFiles.read(f, SeriesFiles.Basis.DIRECT);
    IntensitySeries lca = SeriesFiles.read(f, SeriesFiles.Basis.LCA);
    assertThat(direct.points()).extracting(IntensityPoint::gPerKwh).containsExactly(10.5, 11.5);
    assertThat(lca.points()).extracting(IntensityPoint::gPerKwh).containsExactly(30.25, 31.25);
    assertThat(lca.zone()).isEqualTo("NO-NO1");
    assertThat(lca.first()).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
    assertThat(lca.points().getFirst().duration()).isEqualTo(Duration.ofHours(1));
    assertThat(direct.source()).contains("NO-NO1_2023.csv").contains("direct");
  }

  @Test
  void aByteOrderMarkAndWindowsLineEndsAreAccepted() throws Exception {
    Path f = file("bom.csv", "\uFEFFtime,g_per_kwh\r\n2024-03-01T00:00:00Z,100\r\n2024-03-01T01:00:00Z,120\r\n");
    assertThat(SeriesFiles.read(f, SeriesFiles.Basis.LCA).points()).extracting(IntensityPoint::gPerKwh)
        .containsExactly(100.0, 120.0);
  }

  @Test
  void aPlainSeriesTakesItsStepFromItsRows() throws Exception {
    Path f = file("quarter.csv", "time,g_per_kwh\n2024-03-01T00:00:00Z,100\n2024-03-01T00:15:00Z,120\n");
    IntensitySeries s = SeriesFiles.read(f, SeriesFiles.Basis.LCA);
    assertThat(s.points().getFirst().duration()).isEqualTo(Duration.ofMinutes(15));
    assertThat(s.zone()).isEmpty();
    assertThat(s.source()).isEqualTo("quarter.csv");
    assertThat(s.at(Instant.parse("2024-03-01T00:20:00Z")).kind()).isEqualTo(IntensityKind.SERIES);
  }

  @Test
  void errorsNameTheFileAndTheLine() throws IOException {
    Path notNumber = file("bad.csv", "time,g_per_kwh\n2024-03-01T00:00:00Z,100\n2024-03-01T01:00:00Z,lots\n");
    assertThatThrownBy(() -> SeriesFiles.read(notNumber, SeriesFiles.Basis.LCA))
        .isInstanceOf(SeriesFormatException.class).hasMessageContaining("bad.csv:3:").hasMessageContaining("'lots'");
    Path negative = file("neg.csv", "time,g_per_kwh\n2024-03-01T00:00:00Z,100\n2024-03-01T01:00:00Z,-5\n");
    assertThatThrownBy(() -> SeriesFiles.read(negative, SeriesFiles.Basis.LCA))
        .hasMessageContaining("neg.csv:3:").hasMessageContaining(">= 0");
    Path badTime = file("time.csv", "time,g_per_kwh\n2024-03-01T01:00:00Z,1\n2024-03-01T25:00:00Z,2\n");
    assertThatThrownBy(() -> SeriesFiles.read(badTime, SeriesFiles.Basis.LCA))
        .hasMessageContaining("time.csv:3:").hasMessageContaining("is not a time");
    Path shortRow = file("short.csv", EM_HEADER + "\n2023-01-01 00:00:00,Norway,Southeast Norway\n");
    assertThatThrownBy(() -> SeriesFiles.read(shortRow, SeriesFiles.Basis.LCA))
        .hasMessageContaining("short.csv:2:").hasMessageContaining("columns");
  }

  @Test
  void filesThatAreNotSeriesAreRefused() throws IOException {
    Path header = file("h.csv", "Datetime,Intensity\n2024-03-01,1\n");
    assertThatThrownBy(() -> SeriesFiles.read(header, SeriesFiles.Basis.LCA))
        .isInstanceOf(SeriesFormatException.class).hasMessageContaining("h.csv:1:").hasMessageContaining("unknown header");
    Path empty = file("empty.csv", "");
    assertThatThrownBy(() -> SeriesFiles.read(empty, SeriesFiles.Basis.LCA)).hasMessageContaining("empty");
    Path noValues = file("gaps.csv", "time,g_per_kwh\n2024-03-01T00:00:00Z,\n");
    assertThatThrownBy(() -> SeriesFiles.read(noValues, SeriesFiles.Basis.LCA)).hasMessageContaining("no intensity values");
    Path noLca = file("direct-only.csv", "Datetime (UTC),Zone Id,Carbon Intensity gCO₂eq/kWh (direct)\n");
    assertThatThrownBy(() -> SeriesFiles.read(noLca, SeriesFiles.Basis.LCA)).hasMessageContaining("no column");
  }

  @Test
  void spacesAroundThePlainHeadersNamesAreAccepted() throws Exception {
    Path f = file("spaced.csv", "time, g_per_kwh\n2024-03-01T00:00:00Z,100\n2024-03-01T01:00:00Z,100\n");
    assertThat(SeriesFiles.read(f, SeriesFiles.Basis.LCA).points()).hasSize(2);
  }
}
