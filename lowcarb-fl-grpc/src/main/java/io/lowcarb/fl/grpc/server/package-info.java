/** The federation server: the gRPC endpoint, the round coordinator, and its checkpoints. */
package io.lowcarb.fl.grpc.server;
