package io.lowcarb.energy.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The CPU limits of the cgroup (v2) this process runs in: a CPU quota ({@code cpu.max}, the
 * tightest of the cgroup and its ancestors) and a CPU set ({@code cpuset.cpus.effective}). In a
 * container or a Slurm job these, not the machine's CPU count, say how much CPU the work can use.
 * A cgroup v1 or no cgroup file system reads as no limit.
 */
public final class CgroupCpu {
  /** Where cgroup v2 is mounted on Linux. */
  public static final Path MOUNT = Path.of("/sys/fs/cgroup");

  private final Path group;
  private final OptionalDouble quotaCpus;
  private final OptionalInt cpusetCpus;

  private CgroupCpu(Path group, OptionalDouble quotaCpus, OptionalInt cpusetCpus) {
    this.group = group;
    this.quotaCpus = quotaCpus;
    this.cpusetCpus = cpusetCpus;
  }

  /** No cgroup limit known. */
  public static CgroupCpu none() {
    return new CgroupCpu(null, OptionalDouble.empty(), OptionalInt.empty());
  }

  /** The limits of this process's cgroup, from the real {@code /proc} and {@code /sys/fs/cgroup}. */
  public static CgroupCpu system() {
    return read(ProcFs.system(), MOUNT);
  }

  /**
   * The limits of the cgroup that {@code proc}'s {@code self/cgroup} names ({@code 0::PATH}),
   * under the cgroup v2 mount {@code mount}.
   */
  public static CgroupCpu read(ProcFs proc, Path mount) {
    String relative = null;
    try {
      for (String line : Files.readAllLines(proc.root().resolve("self/cgroup"))) {
        if (line.startsWith("0::")) {
          relative = line.substring(3).trim();
        }
      }
    } catch (IOException e) {
      return none();
    }
    if (relative == null || !Files.exists(mount.resolve("cgroup.controllers"))) {
      return none(); // cgroup v1, or no unified hierarchy mounted here
    }
    Path group = mount.resolve(relative.replaceFirst("^/+", "")).normalize();
    if (!group.startsWith(mount)) {
      return none();
    }
    double quota = Double.POSITIVE_INFINITY;
    OptionalInt cpuset = OptionalInt.empty();
    for (Path dir = group; dir != null && dir.startsWith(mount); dir = dir.getParent()) {
      quota = Math.min(quota, quotaCpus(dir.resolve("cpu.max")));
      if (cpuset.isEmpty()) {
        cpuset = cpuCount(dir.resolve("cpuset.cpus.effective"));
      }
    }
    return new CgroupCpu(group, Double.isInfinite(quota) ? OptionalDouble.empty() : OptionalDouble.of(quota), cpuset);
  }

  /** CPUs the quota allows ({@code QUOTA PERIOD}, in µs), or infinity for {@code max} or no file. */
  private static double quotaCpus(Path file) {
    try {
      String[] f = Files.readString(file).trim().split("\\s+");
      if (f.length == 0 || f[0].equals("max")) {
        return Double.POSITIVE_INFINITY;
      }
      long quota = Long.parseLong(f[0]);
      long period = f.length > 1 ? Long.parseLong(f[1]) : 100_000;
      return quota > 0 && period > 0 ? (double) quota / period : Double.POSITIVE_INFINITY;
    } catch (IOException | NumberFormatException e) {
      return Double.POSITIVE_INFINITY;
    }
  }

  /** The number of CPUs in a list such as {@code 0-3,8,10-11}; empty when absent or blank. */
  static OptionalInt cpuCount(Path file) {
    String text;
    try {
      text = Files.readString(file).trim();
    } catch (IOException e) {
      return OptionalInt.empty();
    }
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    int count = 0;
    try {
      for (String part : text.split(",")) {
        int dash = part.indexOf('-');
        count += dash < 0 ? 1 : Integer.parseInt(part.substring(dash + 1).trim()) - Integer.parseInt(part.substring(0, dash).trim()) + 1;
      }
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
    return count > 0 ? OptionalInt.of(count) : OptionalInt.empty();
  }

  /** CPUs the quota allows, possibly fractional; empty without a quota. */
  public OptionalDouble quotaCpus() {
    return quotaCpus;
  }

  /** CPUs in the effective CPU set; empty when not known. */
  public OptionalInt cpusetCpus() {
    return cpusetCpus;
  }

  /**
   * The CPU capacity available to this process: the smallest of the machine's CPUs, the CPU set
   * and the quota, possibly fractional.
   */
  public double cpus(int machineCpus) {
    double cpus = machineCpus;
    if (cpusetCpus.isPresent()) {
      cpus = Math.min(cpus, cpusetCpus.getAsInt());
    }
    if (quotaCpus.isPresent()) {
      cpus = Math.min(cpus, quotaCpus.getAsDouble());
    }
    return cpus;
  }

  /** Whether the cgroup allows less than {@code machineCpus}. */
  public boolean limits(int machineCpus) {
    return cpus(machineCpus) < machineCpus;
  }

  /** The CPU time the cgroup has used ({@code cpu.stat usage_usec}), in µs; empty when not readable. */
  public OptionalLong usageMicros() {
    if (group == null) {
      return OptionalLong.empty();
    }
    try {
      for (String line : Files.readAllLines(group.resolve("cpu.stat"))) {
        if (line.startsWith("usage_usec ")) {
          return OptionalLong.of(Long.parseLong(line.substring("usage_usec ".length()).trim()));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // no cpu controller for this group: the machine's figures are used instead
    }
    return OptionalLong.empty();
  }

  /** The limits in words, e.g. "cgroup limit 1.5 of 8 CPUs (cpu.max quota 1.5, cpuset 4)". */
  public String describe(int machineCpus) {
    StringBuilder parts = new StringBuilder();
    quotaCpus.ifPresent(q -> parts.append("cpu.max quota ").append(fmt(q)));
    cpusetCpus.ifPresent(c -> parts.append(parts.isEmpty() ? "" : ", ").append("cpuset ").append(c));
    return "cgroup limit " + fmt(cpus(machineCpus)) + " of " + machineCpus + " CPUs (" + parts + ")";
  }

  private static String fmt(double cpus) {
    return cpus == Math.rint(cpus) ? Long.toString((long) cpus) : String.format(Locale.ROOT, "%.2f", cpus);
  }
}
