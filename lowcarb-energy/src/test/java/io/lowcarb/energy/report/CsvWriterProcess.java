package io.lowcarb.energy.report;

import java.nio.file.Path;

/**
 * A second JVM that rewrites one run's row of a CSV as fast as it can, until it is killed or 60 s
 * have passed: the target of {@link CsvKillTest}.
 */
public final class CsvWriterProcess {
  private CsvWriterProcess() {}

  public static void main(String[] args) throws Exception {
    CsvAppender out = CsvAppender.open(Path.of(args[0]));
    String run = args[1];
    out.write(CsvKillTest.row(run, 0));
    System.out.println("writing");
    System.out.flush();
    long stop = System.nanoTime() + 60_000_000_000L;
    for (int i = 1; System.nanoTime() < stop; i++) {
      out.write(CsvKillTest.row(run, i));
    }
  }
}
