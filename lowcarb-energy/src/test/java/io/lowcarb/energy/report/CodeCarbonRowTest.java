package io.lowcarb.energy.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.energy.text.SimpleCsv;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row of CodeCarbon v3's emissions.csv, column by column. */
class CodeCarbonRowTest {

  private static String field(String row, String column) {
    List<String> fields = SimpleCsv.split(row);
    return fields.get(CodeCarbonCsv.COLUMNS.indexOf(column));
  }

  private static final String CODECARBON_V3 =
      "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,"
          + "ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,"
          + "country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,"
          + "cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,cpu_utilization_percent,"
          + "gpu_utilization_percent,ram_utilization_percent,ram_used_gb,on_cloud,pue,wue";

  @Test
  void theHeaderIsCodeCarbonsToTheCharacterThenTheEnergysMethodAndUncertainty() {
    assertThat(CodeCarbonCsv.CODECARBON_HEADER).isEqualTo(CODECARBON_V3);
    assertThat(CodeCarbonCsv.HEADER).isEqualTo(CODECARBON_V3 + ",energy_method,uncertainty_pct");
  }

  @Test
  void theLastTwoColumnsSayHowTheEnergyWasObtainedAndHowUncertainItIs() {
    String row = CodeCarbonCsv.row(Runs.run(true), "0.1.0");
    // RAPL's 7200 J at +/-10 % and the RAM estimate's 720 J at +/-40 %, in quadrature
    assertThat(field(row, "energy_method")).isEqualTo("mixed");
    assertThat(Double.parseDouble(field(row, "uncertainty_pct")))
        .isCloseTo(100 * Math.hypot(720, 288) / 7920, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aRowForAFileOfCodeCarbonsColumnsAloneHasThoseAndNoMore() {
    String full = CodeCarbonCsv.row(Runs.run(true), "0.1.0");
    String earlier = CodeCarbonCsv.row(Runs.run(true), "0.1.0", CodeCarbonCsv.CODECARBON_COLUMNS);
    assertThat(SimpleCsv.split(earlier)).hasSize(CodeCarbonCsv.CODECARBON_COLUMNS.size())
        .isEqualTo(SimpleCsv.split(full).subList(0, CodeCarbonCsv.CODECARBON_COLUMNS.size()));
  }

  @Test
  void aRowHasOneFieldPerColumnInCodeCarbonsUnits() {
    String row = CodeCarbonCsv.row(Runs.run(true), "0.1.0");
    assertThat(SimpleCsv.split(row)).hasSize(CodeCarbonCsv.COLUMNS.size());
    assertThat(field(row, "run_id")).isEqualTo(Runs.ID.toString());
    assertThat(field(row, "project_name")).isEqualTo("lowcarb");
    assertThat(field(row, "experiment_id")).isEqualTo("exp-1");
    assertThat(Double.parseDouble(field(row, "duration"))).isEqualTo(200);
    assertThat(Double.parseDouble(field(row, "energy_consumed"))).isEqualTo((7200 + 720) / 3.6e6);
    assertThat(Double.parseDouble(field(row, "cpu_energy"))).isEqualTo(0.002);
    assertThat(Double.parseDouble(field(row, "gpu_energy"))).isZero(); // no GPU component in the scope
    assertThat(Double.parseDouble(field(row, "emissions"))).isCloseTo(0.0022 * 0.4 * 1.25, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(Double.parseDouble(field(row, "ram_total_size"))).isEqualTo(32);
    assertThat(Double.parseDouble(field(row, "cpu_utilization_percent"))).isEqualTo(50);
    assertThat(Double.parseDouble(field(row, "ram_utilization_percent"))).isEqualTo(25);
    assertThat(field(row, "gpu_count")).isEqualTo("3");
    assertThat(field(row, "gpu_model")).isEqualTo("2 x NVIDIA A100, 1 x NVIDIA T4");
    assertThat(field(row, "pue")).isEqualTo("1.25");
  }

  @Test
  void theCountryCodeIsIso3() {
    assertThat(field(CodeCarbonCsv.row(Runs.run(true), "0.1.0"), "country_iso_code")).isEqualTo("ESP");
    assertThat(CodeCarbonCsv.iso3("NO")).isEqualTo("NOR");
    assertThat(CodeCarbonCsv.iso3("")).isEmpty();
    assertThat(CodeCarbonCsv.iso3("ESP")).isEmpty();
  }

  @Test
  void aRowWrittenDuringTheRunIsMarkedIncomplete() {
    assertThat(field(CodeCarbonCsv.row(Runs.run(true), "0.1.0"), "tracking_mode")).isEqualTo("process");
    assertThat(field(CodeCarbonCsv.row(Runs.run(false), "0.1.0"), "tracking_mode")).isEqualTo("process-incomplete");
  }

  @Test
  void aCpuModelWithACommaOrQuotesIsQuoted() {
    String row = CodeCarbonCsv.row(Runs.run(true, "Intel(R) Xeon(R) \"Gold\" 6248, 2.50GHz", Runs.spain()), "0.1.0");
    assertThat(row).contains("\"Intel(R) Xeon(R) \"\"Gold\"\" 6248, 2.50GHz\"");
    assertThat(SimpleCsv.split(row)).hasSize(CodeCarbonCsv.COLUMNS.size());
    assertThat(field(row, "cpu_model")).isEqualTo("Intel(R) Xeon(R) \"Gold\" 6248, 2.50GHz");
  }

  @Test
  void aCloudRunSaysSo() {
    RunRecord.Location ireland = new RunRecord.Location("aws:eu-west-1", "IE", "Ireland", "", "aws", "eu-west-1");
    String row = CodeCarbonCsv.row(Runs.run(true, "x", ireland), "0.1.0");
    assertThat(field(row, "on_cloud")).isEqualTo("Y");
    assertThat(field(row, "cloud_provider")).isEqualTo("aws");
    assertThat(field(row, "cloud_region")).isEqualTo("eu-west-1");
    assertThat(field(row, "country_iso_code")).isEqualTo("IRL");
  }

  @Test
  void numbersThatAreNotNumbersAreLeftEmpty() {
    assertThat(CodeCarbonCsv.num(Double.NaN)).isEmpty();
    assertThat(CodeCarbonCsv.num(Double.POSITIVE_INFINITY)).isEmpty();
    assertThat(CodeCarbonCsv.num(1.5)).isEqualTo("1.5");
  }
}
