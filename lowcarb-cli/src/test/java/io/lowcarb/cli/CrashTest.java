package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing is lost: a killed lowcarb leaves its row; a terminated one forwards the signal and finishes its row. */
class CrashTest {
  @TempDir Path dir;

  private static String[] row(Path csv) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).as("header and one row").hasSize(2);
    return lines.get(1).split(",", -1);
  }

  private static void awaitRow(Path csv) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90); // a JVM starts slowly on a busy machine
    while (!(Files.exists(csv) && Files.readAllLines(csv).size() >= 2)) {
      assertThat(System.nanoTime()).as("lowcarb wrote its first row").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** Whether the process started with SIGINT ignored (bit 2 of SigIgn in /proc/PID/status). */
  private static boolean sigintIgnored(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2) != 0;
      }
    }
    return false;
  }

  private static void killDescendants(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void sigkillAfterThreeSecondsLeavesAnIncompleteRow() throws Exception {
    Path csv = dir.resolve("e.csv");
    Path json = dir.resolve("e.json");
    Process p = Cli.spawn(dir.resolve("log.txt"), "measure", "--csv", csv.toString(), "--json", json.toString(),
        "--flush-every", "1s", "--", "sleep", "30");
    try {
      awaitRow(csv); // the command has started
      Thread.sleep(3000);
      List<ProcessHandle> children = p.descendants().toList();
      p.destroyForcibly(); // SIGKILL
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(137);
      children.forEach(ProcessHandle::destroyForcibly);
    } finally {
      killDescendants(p);
    }
    String[] row = row(csv);
    assertThat(row[30]).isEqualTo("process-incomplete");
    assertThat(Double.parseDouble(row[4])).as("duration up to the last flush").isBetween(1.5, 3.5);
    assertThat(Double.parseDouble(row[13])).as("energy so far").isPositive();
    assertThat(Files.readString(json)).contains("\"complete\" : false");
  }

  @Test
  void sigkillBeforeTheFirstFlushStillLeavesARow() throws Exception {
    Path csv = dir.resolve("e.csv");
    Process p = Cli.spawn(dir.resolve("log.txt"), "measure", "--csv", csv.toString(), "--", "sleep", "30");
    try {
      awaitRow(csv);
      Thread.sleep(3000); // the default flush is every 10 s
      p.destroyForcibly();
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      killDescendants(p);
    }
    assertThat(row(csv)[30]).isEqualTo("process-incomplete");
  }

  @Test
  void sigtermIsForwardedAndTheFinalRowWritten() throws Exception {
    Path csv = dir.resolve("e.csv");
    Process p = Cli.spawn(dir.resolve("log.txt"), "measure", "--csv", csv.toString(), "--", "sleep", "30");
    try {
      awaitRow(csv); // the command is running
      Thread.sleep(1500);
      p.destroy(); // SIGTERM to lowcarb, which passes it to sleep
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("lowcarb ends once its command ends").isTrue();
      assertThat(p.exitValue()).as("sleep's status: killed by SIGTERM").isEqualTo(143);
    } finally {
      killDescendants(p);
    }
    String[] row = row(csv);
    assertThat(row[30]).isEqualTo("process");
    assertThat(Double.parseDouble(row[4])).isBetween(1.0, 10.0);
  }

  @Test
  void sigintIsForwardedToo() throws Exception {
    Path csv = dir.resolve("e.csv");
    Process p = Cli.spawn(dir.resolve("log.txt"), "measure", "--csv", csv.toString(), "--", "sleep", "30");
    try {
      awaitRow(csv);
      org.junit.jupiter.api.Assumptions.assumeFalse(sigintIgnored(p.pid()),
          "SIGINT is ignored in this environment (as under nohup): a JVM cannot catch it");
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
      assertThat(kill.waitFor()).isZero();
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("lowcarb ends once its command ends").isTrue();
      assertThat(p.exitValue()).as("sleep's status: interrupted").isEqualTo(130);
    } finally {
      killDescendants(p);
    }
    assertThat(row(csv)[30]).isEqualTo("process");
  }
}
