package io.lowcarb.energy.proc;

/**
 * The fields of {@code /proc/PID/stat} the meter needs.
 *
 * @param pid the process id
 * @param parentPid the parent's process id
 * @param cpuTicks user plus system time of the process itself, in clock ticks
 * @param reapedChildrenTicks user plus system time of children it has waited for, in clock ticks
 * @param rssPages resident set size, in pages
 */
public record ProcessStat(int pid, int parentPid, long cpuTicks, long reapedChildrenTicks, long rssPages) {

  /** CPU time of the process and of its reaped children, in clock ticks. */
  public long totalTicks() {
    return cpuTicks + reapedChildrenTicks;
  }

  /**
   * Parses one {@code stat} line. The command name sits in parentheses and may itself contain
   * spaces and parentheses, so fields are counted from the last {@code ')'}.
   *
   * @throws IllegalArgumentException when the line is not in the kernel's format
   */
  public static ProcessStat parse(String line) {
    int close = line.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalArgumentException("not a /proc stat line: " + line);
    }
    int pid = Integer.parseInt(line.substring(0, line.indexOf(' ')).trim());
    // After ')': state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17) ... rss(24).
    String[] f = line.substring(close + 2).split(" ");
    if (f.length < 22) {
      throw new IllegalArgumentException("short /proc stat line for pid " + pid);
    }
    int ppid = Integer.parseInt(f[1]);
    long utime = Long.parseLong(f[11]);
    long stime = Long.parseLong(f[12]);
    long cutime = Long.parseLong(f[13]);
    long cstime = Long.parseLong(f[14]);
    long rss = Long.parseLong(f[21]);
    return new ProcessStat(pid, ppid, utime + stime, cutime + cstime, Math.max(0, rss));
  }
}
