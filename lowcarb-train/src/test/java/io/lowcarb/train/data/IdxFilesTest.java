package io.lowcarb.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFilesTest {
  @TempDir Path dir;

  private static byte[] ints(int size, int... values) {
    ByteBuffer b = ByteBuffer.allocate(size);
    for (int v : values) {
      b.putInt(v);
    }
    return b.array();
  }

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  @Test
  void readsImagesAndLabels() throws Exception {
    Path images = dir.resolve("i");
    Path labels = dir.resolve("l");
    Files.write(images, ByteBuffer.allocate(16 + 8).putInt(0x803).putInt(2).putInt(2).putInt(2)
        .put(new byte[] {0, (byte) 255, 0, 0, 0, 0, 0, 0}).array());
    Files.write(labels, new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 3, 9});
    LabeledData d = IdxFiles.read("t", images, labels);
    assertThat(d.labels()).containsExactly(3, 9);
    assertThat(d.shape()).containsExactly(1, 2, 2);
    assertThat(d.features()[1]).isEqualTo(1f);
  }

  @Test
  void aLabelCountClaimOf2GbOnA100ByteFileIsRefusedWithoutAllocatingIt() throws Exception {
    Path labels = dir.resolve("labels");
    Files.write(labels, ints(100, 0x801, Integer.MAX_VALUE));
    long before = allocated();
    assertThatThrownBy(() -> IdxFiles.read("t", dir.resolve("images"), labels)).isInstanceOf(DatasetFormatException.class)
        .hasMessage(labels + " is truncated: its header at byte 4 claims 2147483647 labels, it holds 92");
    assertThat(allocated() - before).isLessThan(1 << 20);
  }

  @Test
  void anImageSizeClaimBeyondTheFileIsRefusedWithoutAllocatingIt() throws Exception {
    Path labels = dir.resolve("labels");
    Files.write(labels, new byte[] {0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 3});
    Path images = dir.resolve("images");
    Files.write(images, ints(100, 0x803, 3, 16384, 16384));
    long before = allocated();
    assertThatThrownBy(() -> IdxFiles.read("t", images, labels)).isInstanceOf(DatasetFormatException.class)
        .hasMessage(images + " is truncated: its header at byte 4 claims 3x16384x16384 pixels, it holds 84");
    assertThat(allocated() - before).isLessThan(1 << 20);
  }

  @Test
  void sizesWhoseProductOverflowsAreImpossible() throws Exception {
    Path labels = dir.resolve("labels");
    Files.write(labels, new byte[] {0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 3});
    Path images = dir.resolve("images");
    Files.write(images, ints(100, 0x803, 3, Integer.MAX_VALUE, Integer.MAX_VALUE));
    assertThatThrownBy(() -> IdxFiles.read("t", images, labels)).isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("impossible size 3x2147483647x2147483647");
  }

  @Test
  void aDamagedGzipFileIsAFormatException() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(new byte[] {0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 3});
    }
    byte[] bytes = gz.toByteArray();
    bytes[10] = (byte) 0xFF; // the first deflate block: type 3, which does not exist
    Path labels = dir.resolve("labels.gz");
    Files.write(labels, bytes);
    assertThatThrownBy(() -> IdxFiles.read("t", dir.resolve("images"), labels)).isInstanceOf(DatasetFormatException.class)
        .hasMessageStartingWith(labels + " is a damaged gzip file: ");
  }
}
