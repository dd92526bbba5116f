package io.lowcarb.fl.sim;

import io.lowcarb.fl.codec.Compression;
import io.lowcarb.fl.codec.DeltaEncoder;
import io.lowcarb.train.data.LabeledData;
import java.util.Optional;

/**
 * A client of the simulation: its data, its grid zone, the model it last received, and its encoder
 * (which keeps top-k's residual between rounds).
 */
final class SimulatedClient {
  final String name;
  final String zone;
  final LabeledData data;
  final DeltaEncoder encoder;
  final Optional<Hostility> hostility;
  /** The global model as this client last rebuilt it; all clients start from the initial model. */
  float[] replica;

  SimulatedClient(String name, String zone, LabeledData data, Compression compression, float[] initial,
      Optional<Hostility> hostility) {
    this.name = name;
    this.zone = zone;
    this.data = data;
    this.encoder = compression.encoder();
    this.hostility = hostility;
    this.replica = initial.clone();
  }

  /**
   * The payload that brings this client's model to {@code global}: the delta from its replica,
   * encoded afresh (the replica's lag is the error feedback of the way down). Updates the replica.
   */
  byte[] receive(float[] global, Compression compression) {
    byte[] payload = compression.encoder().encode(Deltas.minus(global, replica));
    replica = Deltas.plus(replica, Compression.decode(payload, global.length));
    return payload;
  }
}
