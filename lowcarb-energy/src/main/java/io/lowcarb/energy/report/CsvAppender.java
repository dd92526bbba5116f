package io.lowcarb.energy.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps one run's row of a CodeCarbon CSV up to date: the first write appends it (and the header,
 * for a new file); later writes replace it, so that progress flushed during a run leaves exactly
 * one row per run. When other runs appended rows after ours (two runs sharing a file), our row is
 * replaced where it stands and theirs are kept. Every write holds an exclusive file lock, so
 * concurrent writers lose nothing.
 */
public final class CsvAppender {
  /** File locks are held per process: writers in one JVM also take this monitor per file. */
  private static final java.util.concurrent.ConcurrentMap<Path, Object> IN_PROCESS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Path file;
  private final Object monitor;
  private String lastRow;
  private long rowStart = -1;
  private long rowEnd = -1;

  private CsvAppender(Path file) {
    this.file = file;
    this.monitor = IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Object());
  }

  /**
   * Checks that {@code file} is new, empty, or a CodeCarbon CSV with the same header, before any
   * work is done.
   *
   * @throws IllegalArgumentException naming the problem, when the file has another header
   */
  public static CsvAppender open(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(file + " is a directory");
    }
    if (Files.exists(file) && Files.size(file) > 0) {
      String first;
      try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
        first = lines.findFirst().orElse("");
      }
      if (first.startsWith("\uFEFF")) {
        first = first.substring(1);
      }
      if (!first.equals(CodeCarbonCsv.HEADER)) {
        throw new IllegalArgumentException(
            file + " has a different header than CodeCarbon v3's emissions.csv; give another --csv file");
      }
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IllegalArgumentException("the directory of " + file + " does not exist");
    }
    return new CsvAppender(file);
  }

  /** Writes (or rewrites) this run's row. */
  public void write(String row) throws IOException {
    synchronized (monitor) {
      writeLocked(row);
    }
  }

  private void writeLocked(String row) throws IOException {
    byte[] line = (row + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch =
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      long size = ch.size();
      if (lastRow != null && size == rowEnd && holdsAt(ch, rowStart, lastRow)) {
        replaceTail(ch, rowStart, line, new byte[0]); // still the last row: the common case
      } else if (lastRow != null && replaceInside(ch, size, line)) {
        // done: others appended after us
      } else {
        append(ch, size, line);
      }
      lastRow = row;
      ch.force(false);
    }
  }

  private void append(FileChannel ch, long size, byte[] line) throws IOException {
    byte[] prefix = new byte[0];
    if (size == 0) {
      prefix = (CodeCarbonCsv.HEADER + "\n").getBytes(StandardCharsets.UTF_8);
    } else if (!endsWithNewline(ch, size)) {
      prefix = "\n".getBytes(StandardCharsets.UTF_8);
    }
    ByteBuffer out = ByteBuffer.allocate(prefix.length + line.length).put(prefix).put(line).flip();
    ch.write(out, size);
    rowStart = size + prefix.length;
    rowEnd = rowStart + line.length;
  }

  private boolean replaceInside(FileChannel ch, long size, byte[] line) throws IOException {
    ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(size));
    ch.read(all, 0);
    String text = new String(all.array(), StandardCharsets.UTF_8);
    int at = text.indexOf("\n" + lastRow + "\n");
    if (at < 0) {
      return false;
    }
    long start = text.substring(0, at + 1).getBytes(StandardCharsets.UTF_8).length;
    byte[] rest = text.substring(at + 1 + lastRow.length() + 1).getBytes(StandardCharsets.UTF_8);
    replaceTail(ch, start, line, rest);
    return true;
  }

  /** Writes {@code line} then {@code rest} from {@code start}, cutting what followed. */
  private void replaceTail(FileChannel ch, long start, byte[] line, byte[] rest) throws IOException {
    ch.truncate(start);
    ch.write(ByteBuffer.allocate(line.length + rest.length).put(line).put(rest).flip(), start);
    rowStart = start;
    rowEnd = start + line.length;
  }

  private static boolean holdsAt(FileChannel ch, long position, String row) throws IOException {
    byte[] expected = (row + "\n").getBytes(StandardCharsets.UTF_8);
    ByteBuffer actual = ByteBuffer.allocate(expected.length);
    ch.read(actual, position);
    return java.util.Arrays.equals(actual.array(), expected);
  }

  private static boolean endsWithNewline(FileChannel ch, long size) throws IOException {
    ByteBuffer last = ByteBuffer.allocate(1);
    ch.read(last, size - 1);
    return last.get(0) == '\n';
  }
}
