package io.lowcarb.energy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed with SIGKILL at random moments, again and again, on one file: every row written
 * before stays intact, and the killed run's row is either absent or whole. The number of kills is
 * {@code -Dlowcarb.csvKills} (default 60).
 */
class CsvKillTest {
  @TempDir Path dir;

  /** A row whose length changes with {@code i}, so that a cut or a mix of two writes shows. */
  static String row(String run, int i) {
    return run + "," + i + "," + "x".repeat(i % 97) + ",end";
  }

  @Test
  void killedAtRandomEveryEarlierRowSurvivesAndNoRowIsCut() throws Exception {
    int kills = Integer.getInteger("lowcarb.csvKills", 60);
    Path csv = dir.resolve("emissions.csv");
    Random random = new Random(42);
    List<String> kept = new ArrayList<>();
    int appeared = 0;
    for (int k = 0; k < kills; k++) {
      String run = "run-" + k;
      Process child = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
          "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", CsvWriterProcess.class.getName(), csv.toString(), run)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        assertThat(out.readLine()).as("child %d started writing", k).isEqualTo("writing");
        Thread.sleep(random.nextInt(25));
        child.destroyForcibly(); // SIGKILL
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      assertThat(lines.getFirst()).isEqualTo(CodeCarbonCsv.HEADER);
      List<String> rows = lines.subList(1, lines.size());
      assertThat(rows.subList(0, Math.min(kept.size(), rows.size()))).as("rows before kill %d", k).isEqualTo(kept);
      assertThat(rows).hasSize(kept.size() + 1); // its first row was written before "writing"
      String last = rows.getLast();
      assertThat(last).as("the killed run's row").matches(run + ",(\\d+),x*,end");
      int i = Integer.parseInt(last.split(",")[1]);
      assertThat(last).isEqualTo(row(run, i));
      appeared += i > 0 ? 1 : 0;
      kept.add(last);
    }
    assertThat(appeared).as("kills that landed after rewrites began").isPositive();
  }
}
