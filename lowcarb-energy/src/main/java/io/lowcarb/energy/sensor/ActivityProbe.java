package io.lowcarb.energy.sensor;

import io.lowcarb.energy.proc.CgroupCpu;
import io.lowcarb.energy.proc.CpuTimes;
import io.lowcarb.energy.proc.MemoryInfo;
import io.lowcarb.energy.proc.ProcFs;
import io.lowcarb.energy.proc.ProcessTree;
import io.lowcarb.energy.proc.Sysconf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Reads machine and process-tree activity from {@code /proc} and turns consecutive readings into
 * {@link Activity} intervals. Where a cgroup (v2) limits the CPUs, as in a container or a Slurm
 * job, the capacity is the cgroup's: utilisation is the cgroup's CPU time over its limit, and the
 * process share is taken of the limit, not of the whole machine.
 */
public final class ActivityProbe implements ActivitySource {
  private final ProcFs proc;
  private final ProcessTree tree;
  private final long ticksPerSecond;
  private final long pageSize;
  private final CgroupCpu cgroup;
  private CpuTimes lastCpu;
  private long lastTreeTicks;
  private long lastCgroupMicros = -1;

  /**
   * @param proc the {@code /proc} to read
   * @param tree the measured process tree
   * @param ticksPerSecond clock ticks per second of CPU times
   * @param pageSize page size in bytes
   */
  public ActivityProbe(ProcFs proc, ProcessTree tree, long ticksPerSecond, long pageSize) {
    this(proc, tree, ticksPerSecond, pageSize, CgroupCpu.none());
  }

  /**
   * @param proc the {@code /proc} to read
   * @param tree the measured process tree
   * @param ticksPerSecond clock ticks per second of CPU times
   * @param pageSize page size in bytes
   * @param cgroup the CPU limits of the cgroup the work runs in
   */
  public ActivityProbe(ProcFs proc, ProcessTree tree, long ticksPerSecond, long pageSize, CgroupCpu cgroup) {
    this.proc = proc;
    this.tree = tree;
    this.ticksPerSecond = ticksPerSecond;
    this.pageSize = pageSize;
    this.cgroup = cgroup;
  }

  /** A probe of the real {@code /proc} for the tree rooted at {@code rootPid}. */
  public static ActivityProbe system(long rootPid) {
    ProcFs proc = ProcFs.system();
    int self = (int) ProcessHandle.current().pid();
    return new ActivityProbe(proc, new ProcessTree(proc, (int) rootPid, self), Sysconf.clockTicksPerSecond(),
        Sysconf.pageSize(), CgroupCpu.system());
  }

  /**
   * A probe of the real {@code /proc} for a command not started yet; {@link #attach} it once it
   * is. Until then the process share is zero and the machine is measured as usual.
   */
  public static ActivityProbe forCommand() {
    ProcFs proc = ProcFs.system();
    int self = (int) ProcessHandle.current().pid();
    return new ActivityProbe(proc, ProcessTree.deferred(proc, self), Sysconf.clockTicksPerSecond(),
        Sysconf.pageSize(), CgroupCpu.system());
  }

  /** Sets the started command's pid (for a probe made by {@link #forCommand()}). */
  public void attach(long pid) {
    tree.attach((int) pid);
  }

  @Override
  public Activity next(Instant start, double seconds) {
    try {
      CpuTimes cpu = proc.cpuTimes();
      MemoryInfo memory = proc.memory();
      ProcessTree.Usage usage = tree.read();
      double capacityCpus = cgroup.cpus(cpu.cpus());
      long cgroupMicros = capacityCpus < cpu.cpus() ? cgroup.usageMicros().orElse(-1) : -1;
      double utilisation;
      if (lastCpu == null) {
        utilisation = 0;
      } else if (cgroupMicros >= 0 && lastCgroupMicros >= 0) {
        double capacity = seconds * capacityCpus;
        utilisation = capacity <= 0 ? 0 : Math.clamp((cgroupMicros - lastCgroupMicros) / 1e6 / capacity, 0.0, 1.0);
      } else {
        utilisation = cpu.utilisationSince(lastCpu); // no cgroup figures: the machine's
      }
      double treeSeconds = lastCpu == null ? 0 : (double) (usage.cpuTicks() - lastTreeTicks) / ticksPerSecond;
      double capacity = seconds * capacityCpus;
      double share = capacity <= 0 ? 0 : Math.clamp(treeSeconds / capacity, 0.0, 1.0);
      lastCpu = cpu;
      lastTreeTicks = usage.cpuTicks();
      lastCgroupMicros = cgroupMicros;
      return new Activity(
          start,
          seconds,
          utilisation,
          share,
          usage.rssPages() * pageSize,
          memory.usedBytes(),
          memory.totalBytes(),
          capacityCpus / cpu.cpus());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
