package io.lowcarb.energy.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cgroup v2 CPU limits, from fixture files in the kernel's formats. */
class CgroupCpuTest {
  @TempDir Path dir;

  private FakeProc proc(String cgroupLine) {
    return new FakeProc(dir.resolve("proc")).write("self/cgroup", cgroupLine + "\n");
  }

  private FakeProc sys() {
    return new FakeProc(dir.resolve("sys")).write("cgroup.controllers", "cpuset cpu io memory pids\n");
  }

  private CgroupCpu read(FakeProc proc) {
    return CgroupCpu.read(proc.procFs(), dir.resolve("sys"));
  }

  @Test
  void aQuotaOfTwoCpusLimitsAMachineOfSixtyFour() {
    sys().write("docker/abc/cpu.max", "200000 100000\n").write("docker/abc/cpu.stat", "usage_usec 5000000\nuser_usec 1\n");
    CgroupCpu limit = read(proc("0::/docker/abc"));
    assertThat(limit.quotaCpus().getAsDouble()).isEqualTo(2.0);
    assertThat(limit.cpus(64)).isEqualTo(2.0);
    assertThat(limit.limits(64)).isTrue();
    assertThat(limit.usageMicros().getAsLong()).isEqualTo(5_000_000);
    assertThat(limit.describe(64)).isEqualTo("cgroup limit 2 of 64 CPUs (cpu.max quota 2)");
  }

  @Test
  void theTightestQuotaOfTheGroupAndItsAncestorsWins() {
    sys().write("kubepods/cpu.max", "150000 100000\n").write("kubepods/pod1/cpu.max", "max 100000\n")
        .write("kubepods/pod1/ctr/cpu.max", "400000 100000\n");
    assertThat(read(proc("0::/kubepods/pod1/ctr")).cpus(16)).isCloseTo(1.5, within(1e-12));
  }

  @Test
  void theEffectiveCpuSetCountsRangesAndSingles() {
    sys().write("slurm/job7/cpuset.cpus.effective", "0-3,8,10-11\n").write("slurm/job7/cpu.max", "max 100000\n");
    CgroupCpu limit = read(proc("0::/slurm/job7"));
    assertThat(limit.cpusetCpus().getAsInt()).isEqualTo(7);
    assertThat(limit.quotaCpus()).isEmpty();
    assertThat(limit.cpus(32)).isEqualTo(7.0);
    assertThat(limit.cpus(4)).isEqualTo(4.0); // never more than the machine has
  }

  @Test
  void noLimitAtTheRootOrWithoutTheUnifiedHierarchy() {
    sys().write("cpu.max", "max 100000\n");
    assertThat(read(proc("0::/")).limits(8)).isFalse();
    // cgroup v1 (no cgroup.controllers at the mount): no limit read
    FakeProc v1 = proc("4:memory:/x\n1:cpu:/");
    assertThat(CgroupCpu.read(v1.procFs(), dir.resolve("nothing-mounted")).limits(8)).isFalse();
    assertThat(CgroupCpu.none().usageMicros()).isEmpty();
  }

  @Test
  void garbledFilesReadAsNoLimit() {
    sys().write("g/cpu.max", "lots 0\n").write("g/cpuset.cpus.effective", "a-b\n");
    CgroupCpu limit = read(proc("0::/g"));
    assertThat(limit.cpus(8)).isEqualTo(8.0);
  }

  @Test
  void aPathThatClimbsOutOfTheMountIsIgnored() {
    sys().write("cpu.max", "100000 100000\n");
    assertThat(read(proc("0::/../../etc")).limits(8)).isFalse();
  }
}
