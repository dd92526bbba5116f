package io.lowcarb.energy.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Machine-wide files and process listings, in the kernel's formats. */
class ProcFsTest {
  @TempDir Path root;

  FakeProc fake() {
    return new FakeProc(root);
  }

  @Test
  void cpuTimesSumBusyAndIdleColumnsOfTheAggregateLine() throws IOException {
    // user nice system idle iowait irq softirq steal guest guest_nice
    fake().write("stat", "cpu  10 20 30 400 50 6 7 8 90 100\ncpu0 5 10 15 200 25 3 3 4 45 50\n"
        + "cpu1 5 10 15 200 25 3 4 4 45 50\nintr 12345 0 0\nctxt 777\nbtime 1700000000\nprocesses 99\n");
    CpuTimes t = fake().procFs().cpuTimes();
    // guest time is already in user; steal (8) is another guest's time: neither busy nor idle
    assertThat(t.busyTicks()).isEqualTo(10 + 20 + 30 + 6 + 7);
    assertThat(t.totalTicks()).isEqualTo(73 + 400 + 50);
    assertThat(t.cpus()).isEqualTo(2);
  }

  @Test
  void stealTimeIsNotCountedAsBusy() throws IOException {
    CpuTimes before = new CpuTimes(0, 0, 1);
    // half of the interval stolen by the hypervisor, a quarter busy, a quarter idle
    fake().write("stat", "cpu  25 0 0 25 0 0 0 50 0 0\ncpu0 25 0 0 25 0 0 0 50 0 0\n");
    assertThat(fake().procFs().cpuTimes().utilisationSince(before)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void aStatFileWithoutTheAggregateLineIsAnError() {
    fake().write("stat", "cpu0 1 2 3 4\nintr 1\n");
    assertThatThrownBy(() -> fake().procFs().cpuTimes()).isInstanceOf(IOException.class).hasMessageContaining("'cpu'");
  }

  @Test
  void utilisationIsTheBusyShareOfTheTicksThatPassed() {
    CpuTimes before = new CpuTimes(1000, 10_000, 4);
    assertThat(new CpuTimes(1300, 10_400, 4).utilisationSince(before)).isCloseTo(0.75, within(1e-12));
    assertThat(new CpuTimes(1000, 10_000, 4).utilisationSince(before)).isZero(); // no time passed
  }

  @Test
  void memoryIsReadInKibAndUsedIsTotalMinusAvailable() throws IOException {
    fake().meminfo(16_000_000, 10_000_000);
    MemoryInfo m = fake().procFs().memory();
    assertThat(m.totalBytes()).isEqualTo(16_000_000L * 1024);
    assertThat(m.availableBytes()).isEqualTo(10_000_000L * 1024);
    assertThat(m.usedBytes()).isEqualTo(6_000_000L * 1024);
  }

  @Test
  void oldKernelsWithoutMemAvailableCountNothingAsUsed() throws IOException {
    fake().write("meminfo", "MemTotal:  2048 kB\nMemFree:  1024 kB\n");
    assertThat(fake().procFs().memory().usedBytes()).isZero();
    fake().write("meminfo", "MemFree:  1024 kB\n");
    assertThatThrownBy(() -> fake().procFs().memory()).hasMessageContaining("MemTotal");
  }

  @Test
  void theCpuModelComesFromModelNameOrOnArmFromHardware() {
    fake().write("cpuinfo", "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz\n");
    assertThat(fake().procFs().cpuModel()).contains("Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz");
    fake().write("cpuinfo", "processor\t: 0\nBogoMIPS\t: 108.00\nHardware\t: BCM2835\n");
    assertThat(fake().procFs().cpuModel()).contains("BCM2835");
  }

  @Test
  void noCpuinfoMeansAnUnknownModel() {
    assertThat(fake().procFs().cpuModel()).isEmpty();
  }

  @Test
  void aProcessThatIsGoneOrTornReadsAsAbsent() {
    fake().write("77/stat", "77 (half");
    assertThat(fake().procFs().process(77)).isEmpty();
    assertThat(fake().procFs().process(78)).isEmpty();
  }

  @Test
  void childrenAreGatheredFromEveryThread() {
    fake().process(200, 1, "python", 0, 0, 0, 0, 1).children(200, 200, 300).children(200, 201, 301, 302);
    assertThat(fake().procFs().children(200)).hasValueSatisfying(c -> assertThat(c).containsExactlyInAnyOrder(300, 301, 302));
  }

  @Test
  void missingChildrenFilesAreNotTheSameAsAnExitedProcess() {
    fake().process(200, 1, "python", 0, 0, 0, 0, 1).withoutChildrenFiles();
    assertThat(fake().procFs().children(200)).isEmpty(); // the kernel does not offer them
    assertThat(fake().procFs().children(999)).contains(java.util.List.of()); // exited: no children
  }

  @Test
  void pidsAreTheNumericEntriesOnly() throws IOException {
    fake().process(1, 0, "init", 0, 0, 0, 0, 1).process(4242, 1, "java", 0, 0, 0, 0, 1).meminfo(1, 1);
    Files.createDirectories(root.resolve("sys"));
    Files.createDirectories(root.resolve("self"));
    assertThat(fake().procFs().pids()).containsExactlyInAnyOrder(1, 4242);
  }
}
