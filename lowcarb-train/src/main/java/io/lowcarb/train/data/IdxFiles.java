package io.lowcarb.train.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST (plain or gzipped): unsigned-byte images
 * ({@code 0x00000803}) and labels ({@code 0x00000801}). Pixels are scaled to 0..1.
 */
public final class IdxFiles {
  private IdxFiles() {}

  /** Reads an images file and its labels file as one dataset of {@code {1, rows, cols}} images. */
  public static LabeledData read(String name, Path images, Path labels) throws IOException, DatasetFormatException {
    int[] y = labels(labels);
    try (DataInputStream in = open(images)) {
      int magic = in.readInt();
      if (magic != 0x00000803) {
        throw new DatasetFormatException(images + " is not an IDX image file (magic " + Integer.toHexString(magic) + ")");
      }
      int count = in.readInt();
      int rows = in.readInt();
      int cols = in.readInt();
      if (count != y.length) {
        throw new DatasetFormatException(images + " holds " + count + " images but " + labels + " " + y.length + " labels");
      }
      if (rows <= 0 || cols <= 0 || (long) count * rows * cols > Integer.MAX_VALUE) {
        throw new DatasetFormatException(images + " has an impossible size " + count + "x" + rows + "x" + cols);
      }
      byte[] pixels = new byte[count * rows * cols];
      in.readFully(pixels);
      float[] x = new float[pixels.length];
      for (int i = 0; i < pixels.length; i++) {
        x[i] = (pixels[i] & 0xff) / 255f;
      }
      return new LabeledData(name, x, y, new long[] {1, rows, cols}, 10);
    } catch (EOFException e) {
      throw new DatasetFormatException(images + " is truncated");
    }
  }

  private static int[] labels(Path file) throws IOException, DatasetFormatException {
    try (DataInputStream in = open(file)) {
      int magic = in.readInt();
      if (magic != 0x00000801) {
        throw new DatasetFormatException(file + " is not an IDX label file (magic " + Integer.toHexString(magic) + ")");
      }
      int count = in.readInt();
      if (count < 0) {
        throw new DatasetFormatException(file + " has a negative count");
      }
      byte[] raw = new byte[count];
      in.readFully(raw);
      int[] y = new int[count];
      for (int i = 0; i < count; i++) {
        y[i] = raw[i] & 0xff;
        if (y[i] > 9) {
          throw new DatasetFormatException(file + ": label " + y[i] + " at " + i + " is not a digit class 0..9");
        }
      }
      return y;
    } catch (EOFException e) {
      throw new DatasetFormatException(file + " is truncated");
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file));
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      in = new GZIPInputStream(in);
    }
    return new DataInputStream(in);
  }
}
