package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleBacktestCommandTest {
  @TempDir Path dir;

  @Test
  void printsTheErrorOfEachModelAndHoltWintersBeatsTheBaselines() {
    Assumptions.assumeTrue(Files.exists(ScheduleWindowCommandTest.ES_2023), "the shared traces are beside the project");
    Cli.Result r = Cli.inProcess("schedule", "backtest", ScheduleWindowCommandTest.ES_2023.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    String row = r.out().lines().filter(l -> l.startsWith("ES_2023_hourly.csv")).findFirst().orElseThrow();
    Matcher m = Pattern.compile("(\\d+\\.\\d+) \\(").matcher(row);
    double[] mape = new double[3];
    for (int i = 0; i < 3; i++) {
      assertThat(m.find()).isTrue();
      mape[i] = Double.parseDouble(m.group(1));
    }
    assertThat(mape[2]).isLessThan(mape[0]).isLessThan(mape[1]);
  }

  @Test
  void aShortOrMissingSeriesIsOneLine() throws Exception {
    Path shortFile = Files.writeString(dir.resolve("short.csv"), "time,g_per_kwh\n2023-01-01T00:00Z,100\n2023-01-01T01:00Z,90\n");
    Cli.Result tooShort = Cli.inProcess("schedule", "backtest", shortFile.toString());
    assertThat(tooShort.exit()).isEqualTo(2);
    assertThat(tooShort.err()).startsWith("schedule backtest: ").contains("too short");
    Cli.Result missing = Cli.inProcess("schedule", "backtest", dir.resolve("none.csv").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot read series file");
  }
}
