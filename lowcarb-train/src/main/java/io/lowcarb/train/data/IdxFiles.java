package io.lowcarb.train.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

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
      if (rows <= 0 || cols <= 0 || (long) rows * cols > Integer.MAX_VALUE / Math.max(1, count)) {
        throw new DatasetFormatException(images + " has an impossible size " + count + "x" + rows + "x" + cols);
      }
      // readNBytes grows with what is there: a header that claims more than the file holds allocates nothing
      byte[] pixels = in.readNBytes(count * rows * cols);
      if (pixels.length < count * rows * cols) {
        throw new DatasetFormatException(images + " is truncated: its header at byte 4 claims " + count + "x" + rows
            + "x" + cols + " pixels, it holds " + pixels.length);
      }
      float[] x = new float[pixels.length];
      for (int i = 0; i < pixels.length; i++) {
        x[i] = (pixels[i] & 0xff) / 255f;
      }
      return new LabeledData(name, x, y, new long[] {1, rows, cols}, 10);
    } catch (EOFException e) {
      throw new DatasetFormatException(images + " is truncated");
    } catch (ZipException e) {
      throw new DatasetFormatException(images + " is a damaged gzip file: " + e.getMessage());
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
      byte[] raw = in.readNBytes(count); // grows with what is there, whatever the header claims
      if (raw.length < count) {
        throw new DatasetFormatException(file + " is truncated: its header at byte 4 claims " + count + " labels, it holds "
            + raw.length);
      }
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
    } catch (ZipException e) {
      throw new DatasetFormatException(file + " is a damaged gzip file: " + e.getMessage());
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
