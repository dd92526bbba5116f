package io.lowcarb.fl.grpc.client;

import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptors;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.stub.MetadataUtils;
import io.lowcarb.fl.grpc.auth.BearerAuthentication;
import io.lowcarb.fl.grpc.proto.FederationGrpc;
import java.util.concurrent.TimeUnit;

/** A connection to a federation server whose every call carries the client's bearer token. */
public final class FederationChannel implements AutoCloseable {
  /** The largest message read, bytes: the global model comes in one message. */
  static final int MAX_MESSAGE_BYTES = 256 << 20;

  private final ManagedChannel channel;
  private final FederationGrpc.FederationBlockingStub stub;

  private FederationChannel(ManagedChannel channel, String token) {
    this.channel = channel;
    this.stub = FederationGrpc.newBlockingStub(ClientInterceptors.intercept(channel,
        MetadataUtils.newAttachHeadersInterceptor(BearerAuthentication.headers(token))));
  }

  /**
   * Opens a channel to {@code target} ({@code HOST:PORT}); it connects lazily and reconnects
   * by itself after the server goes away.
   */
  public static FederationChannel open(String target, ChannelCredentials credentials, String token) {
    ManagedChannel channel = Grpc.newChannelBuilder(target, credentials)
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .build();
    return new FederationChannel(channel, token);
  }

  /** A stub for one call, with its deadline. */
  public FederationGrpc.FederationBlockingStub stub(long timeout, TimeUnit unit) {
    return stub.withDeadlineAfter(timeout, unit);
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
