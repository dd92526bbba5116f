package io.lowcarb.energy.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps one run's row of a CodeCarbon CSV up to date: the first write appends it (and the header,
 * for a new file); later writes replace it, so that progress flushed during a run leaves exactly
 * one row per run. When other runs appended rows after ours (two runs sharing a file), our row is
 * replaced where it stands and theirs are kept.
 *
 * <p>A file keeps its own header: a new file gets {@link CodeCarbonCsv#HEADER}, and a file that an
 * earlier lowcarb version began, with CodeCarbon's columns alone ({@link
 * CodeCarbonCsv#CODECARBON_HEADER}), goes on getting rows of those columns ({@link #columns()}), so
 * that every row of a file matches its header.
 *
 * <p>Crash-safe: every write builds the whole new file beside the old one, forces it to disk and
 * renames it over the old in one step, so a process killed at any moment leaves the file as it was
 * before the write or after it, never cut. Writers in other processes take an exclusive lock on a
 * lock file beside the CSV ({@code .NAME.lock}), which the rename does not replace; writers in one
 * JVM also take a monitor per file.
 */
public final class CsvAppender {
  /** File locks are held per process: writers in one JVM also take this monitor per file. */
  private static final ConcurrentMap<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

  /** A temporary file older than this is a crashed writer's leftover: writes take milliseconds. */
  private static final Duration STALE_TEMP = Duration.ofMinutes(10);

  private final Path file;
  private final List<String> columns;
  private final Path lock;
  private final Object monitor;
  private String lastRow;

  private CsvAppender(Path file, List<String> columns) {
    this.file = file;
    this.columns = columns;
    this.lock = file.resolveSibling("." + file.getFileName() + ".lock");
    this.monitor = IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Object());
  }

  /**
   * Checks that {@code file} is new, empty, or a CSV with lowcarb's header, this version's or an
   * earlier one's (CodeCarbon's columns alone), before any work is done; removes temporary files
   * that crashed writers left beside it.
   *
   * @throws IllegalArgumentException naming the problem, when the file has another header
   */
  public static CsvAppender open(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(file + " is a directory");
    }
    List<String> columns = CodeCarbonCsv.COLUMNS;
    if (Files.exists(file) && Files.size(file) > 0) {
      String first;
      try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
        first = lines.findFirst().orElse("");
      }
      if (first.startsWith("\uFEFF")) {
        first = first.substring(1);
      }
      if (first.equals(CodeCarbonCsv.CODECARBON_HEADER)) {
        columns = CodeCarbonCsv.CODECARBON_COLUMNS;
      } else if (!first.equals(CodeCarbonCsv.HEADER)) {
        throw new IllegalArgumentException(file + " has a different header than lowcarb's emissions.csv (CodeCarbon"
            + " v3's columns, then energy_method,uncertainty_pct, or CodeCarbon's alone); give another --csv file");
      }
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IllegalArgumentException("the directory of " + file + " does not exist");
    }
    removeStaleTemps(file.toAbsolutePath());
    return new CsvAppender(file, columns);
  }

  /** The columns this file's rows have: {@link CodeCarbonCsv#COLUMNS}, or CodeCarbon's alone for an earlier file. */
  public List<String> columns() {
    return columns;
  }

  /** Writes (or rewrites) this run's row, which has {@link #columns()}. */
  public void write(String row) throws IOException {
    synchronized (monitor) {
      try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock held = ch.lock()) {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String updated = withRow(text, String.join(",", columns), lastRow, row);
        AtomicFile.write(file, out -> out.write(updated.getBytes(StandardCharsets.UTF_8)));
        lastRow = row;
      }
    }
  }

  /**
   * The file's text with {@code row} in place of {@code previous} (this writer's last row), or
   * appended when {@code previous} is null or no longer there; a new file gets {@code header}.
   */
  static String withRow(String text, String header, String previous, String row) {
    if (text.isEmpty()) {
      return header + "\n" + row + "\n";
    }
    if (previous != null) {
      String old = "\n" + previous + "\n";
      int at = text.lastIndexOf(old);
      if (at >= 0) {
        return text.substring(0, at + 1) + row + "\n" + text.substring(at + old.length());
      }
    }
    return text + (text.endsWith("\n") ? "" : "\n") + row + "\n";
  }

  private static void removeStaleTemps(Path file) throws IOException {
    String prefix = "." + file.getFileName();
    Instant before = Instant.now().minus(STALE_TEMP);
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(file.getParent(), prefix + "*.tmp")) {
      for (Path temp : temps) {
        try {
          if (Files.getLastModifiedTime(temp).toInstant().isBefore(before)) {
            Files.deleteIfExists(temp);
          }
        } catch (IOException e) {
          // another process removed or renamed it meanwhile
        }
      }
    }
  }
}
