package io.lowcarb.energy.fuzz;

import io.lowcarb.energy.carbon.SeriesFiles;
import io.lowcarb.energy.carbon.SeriesFormatException;
import io.lowcarb.fuzz.FuzzRun;
import io.lowcarb.fuzz.Outcome;
import io.lowcarb.fuzz.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Intensity series files over the bad-input corpus (lowcarb-fuzz): each input read, or refused in one line. */
class SeriesFilesFuzzTest {
  @TempDir Path scratch;

  @Test
  void seriesFiles() {
    Target t = Target.of("intensity series file", "series.csv", f -> SeriesFiles.read(f, SeriesFiles.Basis.LCA),
            SeriesFormatException.class)
        .samples(("time,g_per_kwh\n2024-03-01T00:00:00Z,100\n2024-03-01T02:00:00+01:00,120\n2024-03-01 02:00:00,300\n")
                .getBytes(StandardCharsets.UTF_8),
            ("Datetime (UTC),Country,Zone Name,Zone Id,Carbon Intensity gCO\u2082eq/kWh (direct),"
                + "Carbon Intensity gCO\u2082eq/kWh (LCA),Low Carbon Percentage,Renewable Percentage,Data Source,"
                + "Data Estimated,Data Estimation Method\n"
                + "2022-01-01 00:00:00,Spain,Spain,ES,133.64,175.54,61.51,48.22,,false,\n"
                + "2022-01-01 01:00:00,Spain,Spain,ES,130.5,170.1,62.0,48.5,,false,\n").getBytes(StandardCharsets.UTF_8))
        .text();
    Outcome o = FuzzRun.run(t, scratch);
    o.assertClean();
  }
}
