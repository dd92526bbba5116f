package io.lowcarb.energy.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Writes a {@code /proc} tree in the kernel's formats under a test directory. */
public final class FakeProc {
  private final Path root;

  public FakeProc(Path root) {
    this.root = root;
  }

  public ProcFs procFs() {
    return new ProcFs(root);
  }

  public Path root() {
    return root;
  }

  /** {@code /proc/stat}: {@code busy} ticks as user time, {@code idle} as idle time, and {@code cpus} cpuN lines. */
  public FakeProc machineTicks(long busy, long idle, int cpus) {
    String perCpu = IntStream.range(0, cpus).mapToObj(i -> "cpu" + i + " 0 0 0 0 0 0 0 0 0 0\n").collect(Collectors.joining());
    return write("stat", "cpu  " + busy + " 0 0 " + idle + " 0 0 0 0 0 0\n" + perCpu + "intr 1 2 3\nctxt 99\n");
  }

  /** {@code /proc/meminfo}, in kB as the kernel writes it. */
  public FakeProc meminfo(long totalKb, long availableKb) {
    return write("meminfo",
        "MemTotal:       " + totalKb + " kB\nMemFree:          1000 kB\nMemAvailable:   " + availableKb + " kB\n");
  }

  /** {@code /proc/PID/stat}, and an empty children file for its main thread if it has none yet. */
  public FakeProc process(int pid, int ppid, String comm, long utime, long stime, long cutime, long cstime, long rss) {
    write(pid + "/stat", statLine(pid, ppid, comm, utime, stime, cutime, cstime, rss) + "\n");
    Path children = root.resolve(pid + "/task/" + pid + "/children");
    if (!Files.exists(children)) {
      write(pid + "/task/" + pid + "/children", "");
    }
    return this;
  }

  /** The children that thread {@code tid} of {@code pid} started, as {@code task/TID/children} lists them. */
  public FakeProc children(int pid, int tid, int... kids) {
    return write(pid + "/task/" + tid + "/children",
        IntStream.of(kids).mapToObj(k -> k + " ").collect(Collectors.joining()));
  }

  /** Removes every {@code task/TID/children} file, as on a kernel without CONFIG_PROC_CHILDREN. */
  public FakeProc withoutChildrenFiles() {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(p -> p.getFileName().toString().equals("children")).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The process exits (and is reaped): its directory goes. */
  public FakeProc remove(int pid) {
    try (Stream<Path> files = Files.walk(root.resolve(Integer.toString(pid)))) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public FakeProc write(String relative, String text) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A stat line: pid (comm) state ppid ... utime(14) stime(15) cutime(16) cstime(17) ... rss(24) ... */
  public static String statLine(int pid, int ppid, String comm, long utime, long stime, long cutime, long cstime, long rss) {
    return pid + " (" + comm + ") S " + ppid + " " + pid + " " + pid + " 0 -1 4194560 100 0 0 0 "
        + utime + " " + stime + " " + cutime + " " + cstime
        + " 20 0 1 0 100 1000000 " + rss + " 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0";
  }
}
