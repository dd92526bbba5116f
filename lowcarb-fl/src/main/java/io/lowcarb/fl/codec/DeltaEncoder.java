package io.lowcarb.fl.codec;

/** Encodes one client's successive deltas; an encoder may keep state between rounds (top-k's residual). */
public interface DeltaEncoder {
  /** The payload of {@code delta} (the change to the global model's values), self-describing. */
  byte[] encode(float[] delta);
}
