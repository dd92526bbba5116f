package io.lowcarb.compress.prune;

import io.lowcarb.compress.Checkpoint;
import io.lowcarb.compress.Tensor;
import io.lowcarb.train.model.ModelSpec;
import io.lowcarb.train.model.SpecException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact file for a pruned checkpoint. Prunable weights (dense and conv2d) are stored sparse: a
 * bitmap of the non-zeros, then only the non-zero values, as fp32 or as int8 with one symmetric
 * scale per tensor; every other parameter is dense fp32. Big-endian:
 *
 * <pre>{@code
 * "LCSP" version:int encoding:byte spec-json:(int length, UTF-8) inputMean:double inputStd:double
 * layers:int { params:int { name:UTF rank:int shape:long* kind:byte
 *   kind 0 (dense): float*
 *   kind 1 (sparse): nonzero:int bitmap:byte[ceil(n/8)] (fp32: float* | int8: scale:float byte*) } }
 * }</pre>
 *
 * A non-zero that int8 would round to zero is stored as +-1 step, so the pattern of zeros survives.
 */
public final class SparseFile {
  private static final byte[] MAGIC = "LCSP".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;

  /** How the non-zero values of prunable weights are stored. */
  public enum Encoding {
    /** 4 bytes a value, exact. */
    FP32,
    /** 1 byte a value and a scale per tensor; off by at most one step ({@code max|w| / 127}). */
    INT8
  }

  private SparseFile() {}

  /** Writes {@code checkpoint} to {@code file} and reports the saving. */
  public static StorageReport write(Checkpoint checkpoint, Encoding encoding, Path file) throws IOException {
    Map<Integer, Tensor> prunable = MagnitudePruning.prunable(checkpoint);
    long nonzero = 0;
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.write(MAGIC);
      out.writeInt(VERSION);
      out.writeByte(encoding.ordinal());
      byte[] spec = checkpoint.spec().toJson().getBytes(StandardCharsets.UTF_8);
      out.writeInt(spec.length);
      out.write(spec);
      out.writeDouble(checkpoint.inputMean());
      out.writeDouble(checkpoint.inputStd());
      out.writeInt(checkpoint.weights().size());
      for (int layer = 0; layer < checkpoint.weights().size(); layer++) {
        Map<String, Tensor> params = checkpoint.weights().get(layer);
        out.writeInt(params.size());
        for (var p : params.entrySet()) {
          Tensor t = p.getValue();
          nonzero += t.nonzero();
          out.writeUTF(p.getKey());
          out.writeInt(t.shape().length);
          for (long d : t.shape()) {
            out.writeLong(d);
          }
          boolean sparse = p.getKey().equals(MagnitudePruning.WEIGHT) && prunable.containsKey(layer);
          out.writeByte(sparse ? 1 : 0);
          if (sparse) {
            writeSparse(out, t, encoding);
          } else {
            for (float v : t.values()) {
              out.writeFloat(v);
            }
          }
        }
      }
    }
    return new StorageReport(checkpoint.params(), nonzero, 4 * checkpoint.params(), Files.size(file));
  }

  /**
   * Reads a file {@link #write} wrote.
   *
   * @throws IllegalArgumentException naming the file when it is not one
   */
  public static Checkpoint read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!java.util.Arrays.equals(magic, MAGIC) || in.readInt() != VERSION) {
        throw new IllegalArgumentException(file + " is not a lowcarb sparse file (version " + VERSION + ")");
      }
      Encoding encoding = Encoding.values()[in.readByte()];
      byte[] json = new byte[in.readInt()];
      in.readFully(json);
      Path spec = Files.createTempFile("lowcarb-spec", ".json");
      ModelSpec model;
      try {
        Files.write(spec, json);
        model = ModelSpec.read(spec);
      } catch (SpecException e) {
        throw new IllegalArgumentException(file + " holds a spec that cannot be read: " + e.getMessage());
      } finally {
        Files.deleteIfExists(spec);
      }
      double mean = in.readDouble();
      double std = in.readDouble();
      int layers = in.readInt();
      List<Map<String, Tensor>> weights = new ArrayList<>();
      for (int layer = 0; layer < layers; layer++) {
        int count = in.readInt();
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (int p = 0; p < count; p++) {
          String name = in.readUTF();
          long[] shape = new long[in.readInt()];
          for (int d = 0; d < shape.length; d++) {
            shape[d] = in.readLong();
          }
          int n = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
          float[] values = new float[n];
          if (in.readByte() == 1) {
            readSparse(in, values, encoding);
          } else {
            for (int i = 0; i < n; i++) {
              values[i] = in.readFloat();
            }
          }
          params.put(name, new Tensor(shape, values));
        }
        weights.add(params);
      }
      return new Checkpoint(model, mean, std, weights);
    } catch (EOFException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(file + " is not a lowcarb sparse file: it ends early or is damaged");
    }
  }

  private static void writeSparse(DataOutputStream out, Tensor t, Encoding encoding) throws IOException {
    float[] v = t.values();
    byte[] bitmap = new byte[(v.length + 7) / 8];
    float max = 0;
    for (int i = 0; i < v.length; i++) {
      if (v[i] != 0) {
        bitmap[i / 8] |= (byte) (1 << (i % 8));
        max = Math.max(max, Math.abs(v[i]));
      }
    }
    out.writeInt(t.nonzero());
    out.write(bitmap);
    float scale = max / 127;
    if (encoding == Encoding.INT8) {
      out.writeFloat(scale);
    }
    for (float x : v) {
      if (x == 0) {
        continue;
      }
      if (encoding == Encoding.FP32) {
        out.writeFloat(x);
      } else {
        int q = Math.round(x / scale);
        out.writeByte(q == 0 ? (x > 0 ? 1 : -1) : Math.max(-127, Math.min(127, q)));
      }
    }
  }

  private static void readSparse(DataInputStream in, float[] values, Encoding encoding) throws IOException {
    in.readInt(); // the number of non-zeros, implied by the bitmap
    byte[] bitmap = new byte[(values.length + 7) / 8];
    in.readFully(bitmap);
    float scale = encoding == Encoding.INT8 ? in.readFloat() : 0;
    for (int i = 0; i < values.length; i++) {
      if ((bitmap[i / 8] & (1 << (i % 8))) != 0) {
        values[i] = encoding == Encoding.FP32 ? in.readFloat() : in.readByte() * scale;
      }
    }
  }
}
