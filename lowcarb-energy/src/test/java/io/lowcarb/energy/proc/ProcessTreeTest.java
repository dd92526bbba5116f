package io.lowcarb.energy.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.sensor.Activity;
import io.lowcarb.energy.sensor.ActivityProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fake /proc with the kernel's file formats. */
class ProcessTreeTest {
  static final int SELF = 100;

  @TempDir Path root;
  ProcFs proc;

  @BeforeEach
  void machine() throws IOException {
    machineTimes(1000, 9000);
    Files.writeString(root.resolve("meminfo"), "MemTotal:       8000000 kB\nMemFree:  1 kB\nMemAvailable:    6000000 kB\n");
    Files.writeString(root.resolve("cpuinfo"), "processor\t: 0\nmodel name\t: AMD EPYC 7763 64-Core Processor\n");
    process(SELF, 1, "java", 50, 10, 0, 0, 1000);
    proc = new ProcFs(root);
  }

  private void machineTimes(long user, long idle) throws IOException {
    Files.writeString(root.resolve("stat"),
        "cpu  " + user + " 0 0 " + idle + " 0 0 0 0 0 0\ncpu0 0 0 0 0 0 0 0 0 0 0\ncpu1 0 0 0 0 0 0 0 0 0 0\nintr 1 2\n");
  }

  /** Writes /proc/PID/stat (fields after the name: state ppid ... utime stime cutime cstime ... rss). */
  private void process(int pid, int ppid, String comm, long utime, long stime, long cutime, long cstime, long rss)
      throws IOException {
    Path dir = Files.createDirectories(root.resolve(Integer.toString(pid)).resolve("task").resolve(Integer.toString(pid)));
    StringBuilder line = new StringBuilder(pid + " (" + comm + ") S " + ppid + " 1 1 0 -1 4194560 100 0 0 0 ");
    line.append(utime).append(' ').append(stime).append(' ').append(cutime).append(' ').append(cstime);
    line.append(" 20 0 1 0 100 1000000 ").append(rss).append(" 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0");
    Files.writeString(root.resolve(pid + "/stat"), line + "\n");
    if (!Files.exists(dir.resolve("children"))) {
      Files.writeString(dir.resolve("children"), "");
    }
  }

  private void children(int pid, int... kids) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int k : kids) {
      text.append(k).append(' ');
    }
    Files.writeString(root.resolve(pid + "/task/" + pid + "/children"), text.toString());
  }

  private void remove(int pid) throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve(Integer.toString(pid)))) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void parsesAStatLineWhoseNameHasSpacesAndParentheses() {
    ProcessStat s = ProcessStat.parse(
        "42 (my (weird) cmd) R 7 42 42 0 -1 4194560 100 0 0 0 11 22 33 44 20 0 1 0 100 1000000 55 0 0");
    assertThat(s).isEqualTo(new ProcessStat(42, 7, 33, 77, 55));
    assertThat(s.totalTicks()).isEqualTo(110);
  }

  @Test
  void readsMachineFiles() throws IOException {
    CpuTimes t = proc.cpuTimes();
    assertThat(t.cpus()).isEqualTo(2);
    assertThat(t.busyTicks()).isEqualTo(1000);
    assertThat(t.totalTicks()).isEqualTo(10_000);
    assertThat(proc.memory().usedBytes()).isEqualTo(2_000_000L * 1024);
    assertThat(proc.cpuModel()).contains("AMD EPYC 7763 64-Core Processor");
  }

  @Test
  void sumsTheTreeThroughChildrenFilesIncludingReapedTime() throws IOException {
    process(200, SELF, "python", 100, 20, 5, 5, 3000);
    process(300, 200, "worker", 40, 10, 0, 0, 2000);
    process(999, 1, "unrelated", 5000, 0, 0, 0, 9999);
    children(SELF, 200);
    children(200, 300);
    ProcessTree tree = new ProcessTree(proc, 200, SELF);
    ProcessTree.Usage u = tree.read();
    assertThat(u.cpuTicks()).isEqualTo(130 + 50);
    assertThat(u.rssPages()).isEqualTo(5000);
    assertThat(u.processes()).isEqualTo(2);
  }

  @Test
  void aReapedRootCountsThroughThisJvmsChildrenTime() throws IOException {
    process(200, SELF, "python", 100, 20, 0, 0, 3000);
    children(SELF, 200);
    ProcessTree tree = new ProcessTree(proc, 200, SELF);
    assertThat(tree.read().cpuTicks()).isEqualTo(120);
    // python exits with 150 ticks and the JVM reaps it: its time moves to our cutime/cstime.
    remove(200);
    children(SELF);
    process(SELF, 1, "java", 50, 10, 100, 50, 1000);
    assertThat(tree.read().cpuTicks()).isEqualTo(150);
  }

  @Test
  void neverGoesDownWhenAnUnreapedDescendantVanishes() throws IOException {
    process(200, SELF, "sh", 10, 0, 0, 0, 10);
    process(300, 200, "daemon", 90, 0, 0, 0, 10);
    children(200, 300);
    ProcessTree tree = new ProcessTree(proc, 200, SELF);
    assertThat(tree.read().cpuTicks()).isEqualTo(100);
    remove(300); // re-parented away, never reaped by the tree
    children(200);
    assertThat(tree.read().cpuTicks()).isEqualTo(100);
  }

  @Test
  void fallsBackToAFullScanWithoutChildrenFiles() throws IOException {
    process(200, SELF, "python", 100, 20, 0, 0, 3000);
    process(300, 200, "worker", 40, 10, 0, 0, 2000);
    process(999, 1, "unrelated", 5000, 0, 0, 0, 9999);
    for (int pid : new int[] {SELF, 200, 300, 999}) {
      Files.delete(root.resolve(pid + "/task/" + pid + "/children"));
    }
    ProcessTree.Usage u = new ProcessTree(proc, 200, SELF).read();
    assertThat(u.cpuTicks()).isEqualTo(170);
    assertThat(u.processes()).isEqualTo(2);
  }

  @Test
  void aDeferredTreeReadsNothingUntilAttached() throws IOException {
    process(200, SELF, "python", 100, 20, 0, 0, 3000);
    ProcessTree tree = ProcessTree.deferred(proc, SELF);
    assertThat(tree.read().cpuTicks()).isZero();
    tree.attach(200);
    assertThat(tree.read().cpuTicks()).isEqualTo(120);
  }

  @Test
  void activityIsComputedFromDeltas() throws IOException {
    process(200, SELF, "python", 0, 0, 0, 0, 256);
    ActivityProbe probe = new ActivityProbe(proc, new ProcessTree(proc, 200, SELF), 100, 4096);
    probe.next(Instant.EPOCH, 0);
    machineTimes(1000 + 150, 9000 + 50); // 200 ticks passed on 2 CPUs (1 s), 150 busy
    process(200, SELF, "python", 80, 20, 0, 0, 256); // the tree used 100 ticks = 1 CPU-second
    Activity a = probe.next(Instant.EPOCH, 1.0);
    assertThat(a.machineUtilisation()).isCloseTo(0.75, within(1e-9));
    assertThat(a.processShare()).isCloseTo(0.5, within(1e-9)); // 1 CPU-second of 2 available
    assertThat(a.processRssBytes()).isEqualTo(256L * 4096);
    assertThat(a.machineTotalBytes()).isEqualTo(8_000_000L * 1024);
  }
}
