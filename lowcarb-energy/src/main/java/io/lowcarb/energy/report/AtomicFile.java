package io.lowcarb.energy.report;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file in one step, so that a crash leaves the old content or the new, never half. The
 * new content is forced to disk before the rename, so that after a power loss the name never
 * points at a file whose data was not yet written.
 */
public final class AtomicFile {
  /** Writes the new content. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /** Writes {@code content} beside {@code file}, then moves it over {@code file}. */
  public static void write(Path file, Content content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
    try {
      try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
        // Writers such as Jackson close what they write to: the file stays open for the sync.
        content.writeTo(new FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            out.flush();
          }
        });
        out.getFD().sync();
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
