package io.lowcarb.energy.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The address a server is asked to listen on, and whether it is loopback. Plaintext is for
 * loopback: anywhere else, bearer tokens and job command lines would cross the network readable
 * by anyone on the path, so serving there without TLS takes the operator's explicit consent.
 *
 * @param host the address or name as given
 * @param loopback whether it resolves to a loopback address (a name that does not resolve is not)
 */
public record ListenAddress(String host, boolean loopback) {

  /** {@code host}, resolved now to tell whether it is loopback. */
  public static ListenAddress of(String host) {
    try {
      return new ListenAddress(host, InetAddress.getByName(host).isLoopbackAddress());
    } catch (UnknownHostException e) {
      return new ListenAddress(host, false);
    }
  }

  /**
   * Checks serving without TLS here; call it before binding anything.
   *
   * @param insecure the operator's consent to plaintext beyond loopback ({@code --insecure})
   * @return a warning to print when plaintext goes beyond loopback with that consent; empty on loopback
   * @throws IllegalArgumentException (one line, naming the ways out) when plaintext would go
   *     beyond loopback without it
   */
  public Optional<String> plaintext(boolean insecure) {
    if (loopback) {
      return Optional.empty();
    }
    if (!insecure) {
      throw new IllegalArgumentException("refusing to serve plaintext on " + host + ", which is not a loopback address: "
          + "give --tls-cert and --tls-key, or --insecure to serve without TLS anyway");
    }
    return Optional.of("warning: serving plaintext on " + host + " (--insecure): tokens and data cross the network "
        + "unencrypted");
  }
}
