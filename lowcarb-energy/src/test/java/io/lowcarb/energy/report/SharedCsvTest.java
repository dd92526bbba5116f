package io.lowcarb.energy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs sharing one CSV: each keeps exactly one, up-to-date row; nobody's row is lost. */
class SharedCsvTest {
  @TempDir Path dir;

  @Test
  void interleavedRunsEachKeepOneRow() throws Exception {
    Path csv = dir.resolve("emissions.csv");
    CsvAppender a = CsvAppender.open(csv);
    CsvAppender b = CsvAppender.open(csv);
    a.write("a,1");
    b.write("b,1");
    a.write("a,2"); // no longer the last row: replaced where it stands
    b.write("b,2");
    a.write("a,3");
    assertThat(Files.readAllLines(csv)).containsExactly(CodeCarbonCsv.HEADER, "a,3", "b,2");
  }

  @Test
  void concurrentWritersLoseNothing() throws Exception {
    Path csv = dir.resolve("emissions.csv");
    int runs = 6;
    int flushes = 40;
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    List<Future<?>> done = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      int run = r;
      done.add(pool.submit(() -> {
        CsvAppender out = CsvAppender.open(csv);
        for (int i = 1; i <= flushes; i++) {
          out.write("run" + run + "," + i);
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.getFirst()).isEqualTo(CodeCarbonCsv.HEADER);
    assertThat(lines.subList(1, lines.size()))
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.range(0, runs).mapToObj(r -> "run" + r + "," + flushes).toList());
  }

  @Test
  void aFileWithoutTrailingNewlineGetsOne() throws Exception {
    Path csv = dir.resolve("emissions.csv");
    Files.writeString(csv, CodeCarbonCsv.HEADER + "\nold,row");
    CsvAppender.open(csv).write("new,row");
    assertThat(Files.readAllLines(csv)).containsExactly(CodeCarbonCsv.HEADER, "old,row", "new,row");
  }
}
