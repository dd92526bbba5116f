package io.lowcarb.fl.grpc.tls;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import io.lowcarb.energy.net.TlsIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The PEM files that set up TLS, and the gRPC credentials made of them. */
public final class TlsFiles {
  private TlsFiles() {}

  /**
   * The server's credentials: TLS with {@code cert} (its chain, PEM) and {@code key} (PKCS#8 PEM),
   * or plaintext when both are empty.
   *
   * @throws IllegalArgumentException when only one is given or a file cannot be used
   */
  public static ServerCredentials server(Optional<Path> cert, Optional<Path> key) {
    return TlsIdentity.fromOptions(cert, key).map(TlsFiles::server).orElseGet(InsecureServerCredentials::create);
  }

  /**
   * The server's credentials presenting {@code identity}: read as the scheduler's HTTP API reads
   * its own, so that one pair of files serves both.
   */
  public static ServerCredentials server(TlsIdentity identity) {
    return TlsServerCredentials.newBuilder().keyManager(identity.keyManagers()).build();
  }

  /**
   * A client's credentials: TLS trusting {@code ca} (PEM), TLS trusting the system's authorities
   * when {@code tls} is set without a CA, or plaintext.
   */
  public static ChannelCredentials client(Optional<Path> ca, boolean tls) {
    if (ca.isPresent()) {
      try {
        return TlsChannelCredentials.newBuilder().trustManager(readable(ca.get()).toFile()).build();
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException("cannot use " + ca.get() + " as a CA certificate: " + e.getMessage());
      }
    }
    return tls ? TlsChannelCredentials.create() : InsecureChannelCredentials.create();
  }

  private static Path readable(Path file) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("cannot read " + file);
    }
    return file;
  }
}
