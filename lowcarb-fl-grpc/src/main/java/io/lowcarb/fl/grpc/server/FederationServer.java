package io.lowcarb.fl.grpc.server;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.lowcarb.fl.grpc.auth.BearerAuthentication;
import io.lowcarb.fl.grpc.auth.Tokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The federation's gRPC endpoint: every call passes {@link BearerAuthentication} first. It binds
 * 127.0.0.1 unless told otherwise, so that serving other machines is a choice ({@code 0.0.0.0}).
 */
public final class FederationServer implements AutoCloseable {
  /** The address bound when none is given. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  private final Server server;

  private FederationServer(Server server) {
    this.server = server;
  }

  /**
   * Starts serving {@code service} on {@code host:port} (port 0 picks a free one).
   *
   * @param maxMessageBytes the largest message read, bytes: above the largest update the server
   *     takes, so that an oversized update is refused with its reason rather than cut off
   */
  public static FederationServer start(String host, int port, ServerCredentials credentials, Tokens tokens,
      BindableService service, int maxMessageBytes) throws IOException {
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port), credentials)
        .addService(ServerInterceptors.intercept(service, new BearerAuthentication(tokens)))
        .maxInboundMessageSize(maxMessageBytes)
        .permitKeepAliveTime(10, TimeUnit.SECONDS)
        .build();
    return new FederationServer(server.start());
  }

  /** The address and port bound. */
  public InetSocketAddress address() {
    return (InetSocketAddress) server.getListenSockets().getFirst();
  }

  /** Stops taking calls; calls in flight get a few seconds to end. */
  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(3, TimeUnit.SECONDS)) {
        server.shutdownNow().awaitTermination(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
