package io.lowcarb.track.fuzz;

import io.lowcarb.fuzz.FuzzRun;
import io.lowcarb.fuzz.Outcome;
import io.lowcarb.fuzz.Target;
import io.lowcarb.track.codecarbon.CodeCarbonFormatException;
import io.lowcarb.track.codecarbon.CodeCarbonImport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CodeCarbon CSV import over the bad-input corpus (lowcarb-fuzz): each input read, or refused in one line. */
class CodeCarbonImportFuzzTest {
  @TempDir Path scratch;

  @Test
  void codeCarbonCsv() {
    Target t = Target.of("CodeCarbon CSV import", "emissions.csv", f -> CodeCarbonImport.read(f, ZoneOffset.UTC),
            CodeCarbonFormatException.class)
        .samples(("timestamp,experiment_id,project_name,duration,emissions,energy_consumed,country_name,"
                + "country_iso_code,region,on_cloud,cloud_provider,cloud_region\n"
                + "2021-06-01T12:00:00,5b0fa12a-3dd7-45bb-9766-cc326314d9f1,bert,3600.0,0.2,0.5,France,FRA,,N,,\n")
                .getBytes(StandardCharsets.UTF_8),
            ("timestamp,project_name,run_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,"
                + "cpu_energy,gpu_energy,ram_energy,energy_consumed,country_name,country_iso_code,region,cloud_provider,"
                + "cloud_region,os,python_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,"
                + "tracking_mode,on_cloud\n"
                + "2023-02-03T04:05:06,resnet,1f7c,120.5,0.001,8.3e-06,42.5,250.0,6.0,0.0014,0.0083,0.0002,0.0099,Spain,ESP,"
                + "madrid,,,Linux-6.1,3.10.12,16,\"AMD EPYC 7R13, 8-Core\",1,1 x NVIDIA A10G,-3.7,40.4,64.0,machine,N\n")
                .getBytes(StandardCharsets.UTF_8))
        .text();
    Outcome o = FuzzRun.run(t, scratch);
    o.assertClean();
  }
}
