package io.lowcarb.fl.codec;

import java.nio.ByteBuffer;

/**
 * How a delta is encoded for the wire. Every payload starts with a kind byte and the number of
 * values, so the receiver decodes it without knowing the sender's setting:
 *
 * <ul>
 *   <li>{@link None}: kind 0, then the values as float32 (4 bytes each);
 *   <li>{@link Int8}: kind 1, symmetric int8 with one float32 scale per chunk of {@value Int8#CHUNK}
 *       values (about 1 byte a value);
 *   <li>{@link TopK}: kind 2, the largest {@code fraction} of the values by magnitude, each as float32,
 *       their positions as int32 indices or a bitmap, whichever is smaller; what is left out is kept by
 *       the client's encoder and added to its next delta (error feedback).
 * </ul>
 *
 * All numbers are big-endian.
 */
public sealed interface Compression permits Compression.None, Compression.Int8, Compression.TopK {
  byte NONE = 0;
  byte INT8 = 1;
  byte TOPK = 2;

  /** A new encoder for one client. */
  DeltaEncoder encoder();

  /** The spec this parses from: {@code none}, {@code int8}, {@code topk:0.01}. */
  String label();

  /**
   * Reads {@code none}, {@code int8} or {@code topk:FRACTION} (0 < FRACTION <= 1).
   *
   * @throws IllegalArgumentException naming the bad part and the accepted forms
   */
  static Compression parse(String spec) {
    String s = spec == null ? "" : spec.trim();
    String forms = "; use none, int8 or topk:FRACTION (0 < FRACTION <= 1)";
    if (s.equals("none")) {
      return new None();
    }
    if (s.equals("int8")) {
      return new Int8();
    }
    if (s.startsWith("topk:")) {
      String arg = s.substring("topk:".length());
      double fraction;
      try {
        fraction = Double.parseDouble(arg);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("topk's FRACTION '" + arg + "' is not a number" + forms);
      }
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException("topk's FRACTION must be in (0, 1], got " + arg + forms);
      }
      return new TopK(fraction);
    }
    throw new IllegalArgumentException("unknown compression '" + s + "'" + forms);
  }

  /**
   * The delta in {@code payload}, of any kind.
   *
   * @param length the number of values expected
   * @throws IllegalArgumentException for a payload that is malformed or not of {@code length} values
   */
  static float[] decode(byte[] payload, int length) {
    try {
      ByteBuffer in = ByteBuffer.wrap(payload);
      byte kind = in.get();
      int n = in.getInt();
      if (n != length) {
        throw new IllegalArgumentException("the payload holds " + n + " values, expected " + length);
      }
      float[] out = switch (kind) {
        case NONE -> Payloads.readFloats(in, n);
        case INT8 -> Payloads.readInt8(in, n);
        case TOPK -> Payloads.readTopK(in, n);
        default -> throw new IllegalArgumentException("unknown payload kind " + kind);
      };
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(in.remaining() + " bytes left over after the payload");
      }
      return out;
    } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("the payload is truncated (" + payload.length + " bytes)");
    }
  }

  /** Raw float32. */
  record None() implements Compression {
    @Override
    public DeltaEncoder encoder() {
      return Payloads::writeFloats;
    }

    @Override
    public String label() {
      return "none";
    }
  }

  /** Symmetric int8 quantisation, one scale ({@code max|v| / 127}) per chunk of {@value #CHUNK} values. */
  record Int8() implements Compression {
    /** Values per scale. */
    public static final int CHUNK = 1024;

    @Override
    public DeltaEncoder encoder() {
      return Payloads::writeInt8;
    }

    @Override
    public String label() {
      return "int8";
    }
  }

  /**
   * Top-k sparsification with error feedback.
   *
   * @param fraction the share of values sent each time, in (0, 1]
   */
  record TopK(double fraction) implements Compression {
    public TopK {
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException("topk's FRACTION must be in (0, 1], got " + fraction);
      }
    }

    @Override
    public DeltaEncoder encoder() {
      return new TopKEncoder(fraction);
    }

    @Override
    public String label() {
      return "topk:" + fraction;
    }
  }
}
