package io.lowcarb.fl.grpc.server;

import io.lowcarb.fl.report.RoundRecord;
import java.util.List;

/**
 * Where a federation stands after a round: enough to go on from the next one after a restart.
 *
 * @param round the last round closed (0: none yet)
 * @param global the global model after it, flat
 * @param records the rounds closed, in order
 */
record ServerState(int round, float[] global, List<RoundRecord> records) {
  ServerState {
    records = List.copyOf(records);
  }
}
