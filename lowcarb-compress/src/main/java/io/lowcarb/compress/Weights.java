package io.lowcarb.compress;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.ByteOrder;

/** Reads the values of ONNX initializers, stored raw (little-endian) or as a typed list. */
final class Weights {
  private Weights() {}

  static float[] floats(TensorProto t) {
    if (!t.getRawData().isEmpty()) {
      var buffer = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
      float[] values = new float[buffer.remaining()];
      buffer.get(values);
      return values;
    }
    float[] values = new float[t.getFloatDataCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = t.getFloatData(i);
    }
    return values;
  }

  /**
   * Why {@code t}'s stored values do not match its dimensions, or null when they do (or it is of a
   * type that holds no weights). A file may claim any dimensions: they are compared with what it holds
   * before anything is counted or allocated by them.
   */
  static String mismatch(TensorProto t) {
    int type = t.getDataType();
    int size = type == TensorProto.DataType.FLOAT.getNumber() || type == TensorProto.DataType.INT32.getNumber() ? 4
        : type == TensorProto.DataType.INT8.getNumber() || type == TensorProto.DataType.UINT8.getNumber() ? 1 : 0;
    if (size == 0) {
      return null;
    }
    double claimed = 1; // a double: dimensions multiplied may overflow a long
    for (long d : t.getDimsList()) {
      claimed *= d;
    }
    double held = !t.getRawData().isEmpty() ? t.getRawData().size() / (double) size
        : type == TensorProto.DataType.FLOAT.getNumber() ? t.getFloatDataCount() : t.getInt32DataCount();
    if (claimed != held) {
      return "the initializer '" + t.getName() + "' claims dimensions " + t.getDimsList() + " and holds "
          + (t.getRawData().isEmpty() ? (long) held + " values" : t.getRawData().size() + " bytes");
    }
    return null;
  }

  /**
   * How many values {@code t} holds and how many of them are not zero, as {@code {values, nonzero}};
   * {@code {0, 0}} for a type that holds no weights (float, int8, uint8 and int32 do).
   */
  static long[] counts(TensorProto t) {
    int type = t.getDataType();
    if (type == TensorProto.DataType.FLOAT.getNumber()) {
      float[] values = floats(t);
      long nonzero = 0;
      for (float v : values) {
        if (v != 0) {
          nonzero++;
        }
      }
      return new long[] {values.length, nonzero};
    }
    boolean bytes = type == TensorProto.DataType.INT8.getNumber() || type == TensorProto.DataType.UINT8.getNumber();
    if (!bytes && type != TensorProto.DataType.INT32.getNumber()) {
      return new long[] {0, 0};
    }
    if (t.getRawData().isEmpty()) {
      // int8, uint8 and int32 lists are all stored in int32_data
      long nonzero = t.getInt32DataList().stream().filter(v -> v != 0).count();
      return new long[] {t.getInt32DataCount(), nonzero};
    }
    var raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long values = 0;
    long nonzero = 0;
    while (raw.hasRemaining()) {
      long v = bytes ? raw.get() : raw.getInt();
      values++;
      if (v != 0) {
        nonzero++;
      }
    }
    return new long[] {values, nonzero};
  }
}
