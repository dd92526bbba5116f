package io.lowcarb.energy.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lowcarb.energy.proc.CgroupCpu;
import io.lowcarb.energy.proc.FakeProc;
import io.lowcarb.energy.proc.ProcessTree;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Turning consecutive /proc readings into intervals; clock ticks and page size are the probe's arguments. */
class ActivityProbeTest {
  static final int SELF = 100;
  static final int CHILD = 200;
  static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  @TempDir Path dir;
  FakeProc fake;

  @BeforeEach
  void fourCpus() {
    fake = new FakeProc(dir).machineTicks(1_000, 9_000, 4).meminfo(16_000_000, 12_000_000);
    fake.process(SELF, 1, "java", 0, 0, 0, 0, 500);
    fake.process(CHILD, SELF, "python", 0, 0, 0, 0, 250).children(SELF, SELF, CHILD);
  }

  private ActivityProbe probe(long ticksPerSecond, long pageSize) {
    return new ActivityProbe(fake.procFs(), new ProcessTree(fake.procFs(), CHILD, SELF), ticksPerSecond, pageSize);
  }

  @Test
  void theFirstReadingStartsTheCountButReportsMemory() {
    Activity a = probe(100, 4096).next(T0, 0);
    assertThat(a.machineUtilisation()).isZero();
    assertThat(a.processShare()).isZero();
    assertThat(a.processRssBytes()).isEqualTo(250L * 4096);
    assertThat(a.machineUsedBytes()).isEqualTo(4_000_000L * 1024);
    assertThat(a.machineTotalBytes()).isEqualTo(16_000_000L * 1024);
  }

  @Test
  void utilisationAndShareComeFromTheDeltas() {
    ActivityProbe probe = probe(100, 16384);
    probe.next(T0, 0);
    fake.machineTicks(1_000 + 200, 9_000 + 600, 4); // 2 s on 4 CPUs = 800 ticks, 200 busy
    fake.process(CHILD, SELF, "python", 150, 50, 0, 0, 300); // 200 ticks = 2 CPU-seconds
    Activity a = probe.next(T0, 2.0);
    assertThat(a.start()).isEqualTo(T0);
    assertThat(a.seconds()).isEqualTo(2.0);
    assertThat(a.machineUtilisation()).isCloseTo(0.25, within(1e-12));
    assertThat(a.processShare()).isCloseTo(2.0 / (2 * 4), within(1e-12));
    assertThat(a.processRssBytes()).isEqualTo(300L * 16384);
  }

  @Test
  void ticksAreConvertedWithTheGivenClockRate() {
    ActivityProbe probe = probe(250, 4096); // a kernel with USER_HZ 250
    probe.next(T0, 0);
    fake.process(CHILD, SELF, "python", 500, 0, 0, 0, 250); // 2 CPU-seconds at 250 ticks/s
    assertThat(probe.next(T0, 1.0).processShare()).isCloseTo(2.0 / 4, within(1e-12));
  }

  @Test
  void onlyTheLatestIntervalCounts() {
    ActivityProbe probe = probe(100, 4096);
    probe.next(T0, 0);
    fake.process(CHILD, SELF, "python", 400, 0, 0, 0, 250);
    probe.next(T0, 1.0);
    fake.process(CHILD, SELF, "python", 500, 0, 0, 0, 250); // +100 ticks in the second interval
    assertThat(probe.next(T0.plusSeconds(1), 1.0).processShare()).isCloseTo(1.0 / 4, within(1e-12));
  }

  @Test
  void theShareIsBoundedAndAZeroIntervalHasNone() {
    ActivityProbe probe = probe(100, 4096);
    probe.next(T0, 0);
    fake.process(CHILD, SELF, "python", 10_000, 0, 0, 0, 250); // more than the CPUs could do in 1 s
    assertThat(probe.next(T0, 1.0).processShare()).isEqualTo(1.0);
    fake.process(CHILD, SELF, "python", 10_100, 0, 0, 0, 250);
    assertThat(probe.next(T0, 0).processShare()).isZero();
  }

  @Test
  void aProbeForACommandCountsNothingUntilAttachedThenTheWholeRun() {
    ActivityProbe probe =
        new ActivityProbe(fake.procFs(), ProcessTree.deferred(fake.procFs(), SELF), 100, 4096);
    probe.next(T0, 0);
    fake.process(CHILD, SELF, "python", 300, 100, 0, 0, 250);
    assertThat(probe.next(T0, 1.0).processShare()).isZero();
    probe.attach(CHILD);
    Activity a = probe.next(T0, 1.0); // the 400 ticks it used since it started
    assertThat(a.processShare()).isEqualTo(1.0);
    assertThat(a.processRssBytes()).isEqualTo(250L * 4096);
  }

  @Test
  void inACgroupOfTwoCpusTheCapacityAndUtilisationAreTheCgroups() {
    // a 4-CPU machine, a container limited to 2 CPUs by cpu.max
    FakeProc sys = new FakeProc(dir.resolve("sys")).write("cgroup.controllers", "cpu\n")
        .write("ctr/cpu.max", "200000 100000\n").write("ctr/cpu.stat", "usage_usec 0\n");
    fake.write("self/cgroup", "0::/ctr\n");
    CgroupCpu cgroup = CgroupCpu.read(fake.procFs(), dir.resolve("sys"));
    ActivityProbe probe = new ActivityProbe(fake.procFs(), new ProcessTree(fake.procFs(), CHILD, SELF), 100, 4096, cgroup);
    probe.next(T0, 0);
    fake.machineTicks(1_000 + 600, 9_000 + 200, 4); // the machine: 75 % busy (other containers)
    sys.write("ctr/cpu.stat", "usage_usec 3000000\n"); // the cgroup: 3 CPU-s of its 2 x 2 s
    fake.process(CHILD, SELF, "python", 100, 0, 0, 0, 250); // the tree: 1 CPU-s
    Activity a = probe.next(T0, 2.0);
    assertThat(a.machineUtilisation()).isCloseTo(0.75, within(1e-12)); // 3 / (2 s x 2 CPUs)
    assertThat(a.processShare()).isCloseTo(0.25, within(1e-12)); // 1 / (2 s x 2 CPUs)
    assertThat(a.capacityShare()).isCloseTo(0.5, within(1e-12)); // 2 of 4 CPUs
  }

  @Test
  void withoutACgroupLimitTheWholeMachineIsTheCapacity() {
    ActivityProbe probe = probe(100, 4096);
    probe.next(T0, 0);
    assertThat(probe.next(T0, 1.0).capacityShare()).isEqualTo(1.0);
  }

  @Test
  void anUnreadableProcIsAnUncheckedError() throws Exception {
    ActivityProbe probe = probe(100, 4096);
    Files.delete(dir.resolve("stat"));
    assertThatThrownBy(() -> probe.next(T0, 1.0)).isInstanceOf(UncheckedIOException.class);
  }
}
