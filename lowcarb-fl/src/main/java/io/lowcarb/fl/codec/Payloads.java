package io.lowcarb.fl.codec;

import java.nio.ByteBuffer;

/** The byte layouts of {@link Compression}'s payloads. */
final class Payloads {
  private static final byte INDICES = 0;
  private static final byte BITMAP = 1;

  private Payloads() {}

  static byte[] writeFloats(float[] v) {
    ByteBuffer out = header(Compression.NONE, v.length, 4L * v.length);
    for (float x : v) {
      out.putFloat(x);
    }
    return out.array();
  }

  static float[] readFloats(ByteBuffer in, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = in.getFloat();
    }
    return v;
  }

  static byte[] writeInt8(float[] v) {
    int chunk = Compression.Int8.CHUNK;
    int chunks = (v.length + chunk - 1) / chunk;
    ByteBuffer out = header(Compression.INT8, v.length, 4L + 4L * chunks + v.length);
    out.putInt(chunk);
    float[] scales = new float[chunks];
    for (int c = 0; c < chunks; c++) {
      float max = 0;
      for (int i = c * chunk; i < Math.min(v.length, (c + 1) * chunk); i++) {
        max = Math.max(max, Math.abs(v[i]));
      }
      scales[c] = max / 127f;
      out.putFloat(scales[c]);
    }
    for (int i = 0; i < v.length; i++) {
      float scale = scales[i / chunk];
      out.put(scale == 0 ? 0 : (byte) Math.max(-127, Math.min(127, Math.round(v[i] / scale))));
    }
    return out.array();
  }

  static float[] readInt8(ByteBuffer in, int n) {
    int chunk = in.getInt();
    if (chunk <= 0) {
      throw new IllegalArgumentException("an int8 payload with a chunk of " + chunk);
    }
    float[] scales = new float[(n + chunk - 1) / chunk];
    for (int c = 0; c < scales.length; c++) {
      scales[c] = in.getFloat();
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = in.get() * scales[i / chunk];
    }
    return v;
  }

  /** {@code kept} ascending, {@code values} at those positions. */
  static byte[] writeTopK(int n, int[] kept, float[] values) {
    int k = kept.length;
    long bitmapBytes = (n + 7L) / 8;
    boolean bitmap = bitmapBytes < 4L * k;
    ByteBuffer out = header(Compression.TOPK, n, 5L + (bitmap ? bitmapBytes : 4L * k) + 4L * k);
    out.putInt(k);
    out.put(bitmap ? BITMAP : INDICES);
    if (bitmap) {
      byte[] bits = new byte[(int) bitmapBytes];
      for (int i : kept) {
        bits[i >>> 3] |= (byte) (1 << (i & 7));
      }
      out.put(bits);
    } else {
      for (int i : kept) {
        out.putInt(i);
      }
    }
    for (float x : values) {
      out.putFloat(x);
    }
    return out.array();
  }

  static float[] readTopK(ByteBuffer in, int n) {
    int k = in.getInt();
    byte layout = in.get();
    if (k < 0 || k > n) {
      throw new IllegalArgumentException("a top-k payload of " + k + " values out of " + n);
    }
    int[] kept = new int[k];
    if (layout == BITMAP) {
      byte[] bits = new byte[(n + 7) / 8];
      in.get(bits);
      int j = 0;
      for (int i = 0; i < n; i++) {
        if ((bits[i >>> 3] & (1 << (i & 7))) != 0) {
          if (j == k) {
            throw new IllegalArgumentException("a top-k bitmap with more than " + k + " positions");
          }
          kept[j++] = i;
        }
      }
      if (j != k) {
        throw new IllegalArgumentException("a top-k bitmap with " + j + " positions, expected " + k);
      }
    } else if (layout == INDICES) {
      for (int j = 0; j < k; j++) {
        kept[j] = in.getInt();
        if (kept[j] < 0 || kept[j] >= n || j > 0 && kept[j] <= kept[j - 1]) {
          throw new IllegalArgumentException("a top-k payload with position " + kept[j] + " out of order or range");
        }
      }
    } else {
      throw new IllegalArgumentException("unknown top-k layout " + layout);
    }
    float[] v = new float[n];
    for (int j = 0; j < k; j++) {
      v[kept[j]] = in.getFloat();
    }
    return v;
  }

  private static ByteBuffer header(byte kind, int n, long body) {
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(5 + body));
    out.put(kind);
    out.putInt(n);
    return out;
  }
}
