package io.lowcarb.fl.grpc;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The global model on the wire: its flat values as float32, little-endian, 4 bytes each. */
public final class WireWeights {
  private WireWeights() {}

  /** Encodes {@code values}. */
  public static ByteString bytes(float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return ByteString.copyFrom(b.array());
  }

  /** Decodes what {@link #bytes} made. */
  public static float[] floats(ByteString bytes) {
    if (bytes.size() % 4 != 0) {
      throw new IllegalArgumentException(bytes.size() + " bytes are not a whole number of float32 values");
    }
    float[] out = new float[bytes.size() / 4];
    bytes.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }
}
