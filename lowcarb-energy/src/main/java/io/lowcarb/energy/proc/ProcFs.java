package io.lowcarb.energy.proc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a Linux {@code /proc} tree. The root is a parameter so that tests can point it at files
 * they wrote.
 */
public final class ProcFs {
  private final Path root;

  /** A reader of the tree at {@code root}, usually {@code /proc}. */
  public ProcFs(Path root) {
    this.root = root;
  }

  /** The real {@code /proc}. */
  public static ProcFs system() {
    return new ProcFs(Path.of("/proc"));
  }

  /** The root this reader reads. */
  public Path root() {
    return root;
  }

  /** Machine-wide CPU times from {@code stat}. */
  public CpuTimes cpuTimes() throws IOException {
    long busy = 0;
    long total = 0;
    int cpus = 0;
    boolean seenAggregate = false;
    for (String line : Files.readAllLines(root.resolve("stat"))) {
      if (line.startsWith("cpu ")) {
        String[] f = line.trim().split("\\s+");
        long user = field(f, 1), nice = field(f, 2), system = field(f, 3), idle = field(f, 4);
        long iowait = field(f, 5), irq = field(f, 6), softirq = field(f, 7);
        // Steal is time the hypervisor gave to other guests: neither our work nor our idle.
        busy = user + nice + system + irq + softirq;
        total = busy + idle + iowait;
        seenAggregate = true;
      } else if (line.startsWith("cpu")) {
        cpus++;
      }
    }
    if (!seenAggregate) {
      throw new IOException(root.resolve("stat") + " has no 'cpu' line");
    }
    return new CpuTimes(busy, total, Math.max(1, cpus));
  }

  private static long field(String[] fields, int index) {
    return index < fields.length ? Long.parseLong(fields[index]) : 0;
  }

  /** Machine memory from {@code meminfo}. */
  public MemoryInfo memory() throws IOException {
    long total = -1;
    long available = -1;
    for (String line : Files.readAllLines(root.resolve("meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        total = kib(line);
      } else if (line.startsWith("MemAvailable:")) {
        available = kib(line);
      }
    }
    if (total < 0) {
      throw new IOException(root.resolve("meminfo") + " has no MemTotal");
    }
    return new MemoryInfo(total, available < 0 ? total : available);
  }

  private static long kib(String line) {
    String[] f = line.trim().split("\\s+");
    return Long.parseLong(f[1]) * 1024;
  }

  /** The CPU model from {@code cpuinfo} ({@code model name}, or {@code Hardware} on ARM). */
  public Optional<String> cpuModel() {
    try {
      for (String line : Files.readAllLines(root.resolve("cpuinfo"))) {
        if (line.startsWith("model name") || line.startsWith("Hardware")) {
          int colon = line.indexOf(':');
          if (colon > 0) {
            return Optional.of(line.substring(colon + 1).trim());
          }
        }
      }
    } catch (IOException e) {
      // No cpuinfo: the model stays unknown and the caller says so.
    }
    return Optional.empty();
  }

  /**
   * Hardware threads per core from {@code cpuinfo} ({@code siblings} / {@code cpu cores}), or 1
   * when it does not say.
   */
  public int threadsPerCore() {
    int siblings = 0;
    int cores = 0;
    try {
      for (String line : Files.readAllLines(root.resolve("cpuinfo"))) {
        int colon = line.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String key = line.substring(0, colon).trim();
        String value = line.substring(colon + 1).trim();
        if (key.equals("siblings") && siblings == 0) {
          siblings = Integer.parseInt(value);
        } else if (key.equals("cpu cores") && cores == 0) {
          cores = Integer.parseInt(value);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 1;
    }
    return siblings > 0 && cores > 0 && siblings >= cores ? siblings / cores : 1;
  }

  /** The stat of one process, or empty when it has exited. */
  public Optional<ProcessStat> process(int pid) {
    try {
      return Optional.of(ProcessStat.parse(Files.readString(root.resolve(pid + "/stat")).trim()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      // The process exited while being read, or the line was torn: treat as gone.
      return Optional.empty();
    }
  }

  /**
   * The direct children of a process, from {@code task/TID/children} of each of its threads, or
   * empty when the kernel does not offer those files ({@code CONFIG_PROC_CHILDREN}).
   */
  public Optional<List<Integer>> children(int pid) {
    Path tasks = root.resolve(pid + "/task");
    List<Integer> children = new ArrayList<>();
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
      for (Path thread : threads) {
        Path file = thread.resolve("children");
        String text;
        try {
          text = Files.readString(file);
        } catch (NoSuchFileException e) {
          if (!Files.exists(thread)) {
            continue; // the thread ended
          }
          return Optional.empty(); // no children files on this kernel
        }
        for (String token : text.trim().split("\\s+")) {
          if (!token.isEmpty()) {
            children.add(Integer.parseInt(token));
          }
        }
      }
    } catch (NoSuchFileException e) {
      return Optional.of(List.of()); // the process exited
    } catch (IOException e) {
      return Optional.of(children);
    }
    return Optional.of(children);
  }

  /** All process ids currently listed. */
  public List<Integer> pids() throws IOException {
    List<Integer> pids = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
          pids.add(Integer.parseInt(name));
        }
      }
    }
    return pids;
  }
}
