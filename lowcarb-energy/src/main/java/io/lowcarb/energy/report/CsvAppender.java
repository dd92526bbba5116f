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
 * Keeps one row of a run in a CodeCarbon CSV up to date: the first write appends it (and the
 * header, for a new file); later writes replace it in place, so that progress flushed during a run
 * leaves exactly one row. If someone else appended after our row, the new row is appended instead
 * of truncating theirs. Writes hold an exclusive file lock.
 */
public final class CsvAppender {
  private final Path file;
  private long rowStart = -1;
  private long rowEnd = -1;

  private CsvAppender(Path file) {
    this.file = file;
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
  public synchronized void write(String row) throws IOException {
    try (FileChannel ch =
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      long size = ch.size();
      StringBuilder text = new StringBuilder();
      if (rowStart >= 0 && size == rowEnd) {
        ch.truncate(rowStart);
        size = rowStart;
      } else {
        if (size == 0) {
          text.append(CodeCarbonCsv.HEADER).append('\n');
        } else if (!endsWithNewline(ch, size)) {
          text.append('\n');
        }
      }
      int prefix = text.length();
      text.append(row).append('\n');
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      ch.write(ByteBuffer.wrap(bytes), size);
      rowStart = size + text.substring(0, prefix).getBytes(StandardCharsets.UTF_8).length;
      rowEnd = size + bytes.length;
      ch.force(false);
    }
  }

  private static boolean endsWithNewline(FileChannel ch, long size) throws IOException {
    ByteBuffer last = ByteBuffer.allocate(1);
    ch.read(last, size - 1);
    return last.get(0) == '\n';
  }
}
