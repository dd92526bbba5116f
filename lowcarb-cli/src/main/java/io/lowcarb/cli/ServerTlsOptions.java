package io.lowcarb.cli;

import io.lowcarb.energy.net.ListenAddress;
import io.lowcarb.energy.net.TlsIdentity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How a server meets the network, the same for {@code scheduler serve} and {@code fl server}: TLS
 * from PEM files, and {@code --insecure}, the consent to plaintext on an address other than
 * loopback.
 */
final class ServerTlsOptions {
  @Option(names = "--tls-cert", paramLabel = "PEM", description = "The server's certificate chain (PEM), for TLS.")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "The server's private key (unencrypted PKCS#8 PEM), for TLS.")
  Path tlsKey;

  @Option(names = "--insecure",
      description = "Serve plaintext on an address other than loopback (refused without it, since tokens would cross "
          + "the network readable).")
  boolean insecure;

  /**
   * The identity to serve {@code host} with, or empty for plaintext; call it before anything binds
   * or opens, so that a refusal leaves nothing behind.
   *
   * @param err where the warning goes when {@code --insecure} lets plaintext leave loopback
   * @param command the command's name, which starts the warning's line
   * @throws UsageException when a PEM file cannot be used, or plaintext would leave loopback
   *     without {@code --insecure}
   */
  Optional<TlsIdentity> identity(String host, PrintWriter err, String command) {
    Optional<TlsIdentity> identity;
    try {
      identity = TlsIdentity.fromOptions(Optional.ofNullable(tlsCert), Optional.ofNullable(tlsKey));
      if (identity.isEmpty()) {
        ListenAddress.of(host).plaintext(insecure).ifPresent(w -> {
          err.println(command + ": " + w);
          err.flush();
        });
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return identity;
  }
}
