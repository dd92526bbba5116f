package io.lowcarb.compress;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.ByteOrder;

/** Reads the values of ONNX float initializers, stored raw (little-endian) or as a float list. */
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
}
