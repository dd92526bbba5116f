package io.lowcarb.energy.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Host headers a server on loopback answers: its own address and {@code localhost}. A web
 * page elsewhere could point a name of its own at 127.0.0.1 (DNS rebinding) and read what the
 * server shows; its requests carry that name, and are refused.
 *
 * @param names the host names accepted, lower case
 */
public record LoopbackHosts(Set<String> names) {
  public LoopbackHosts {
    names = Set.copyOf(names);
  }

  /**
   * The check for a server bound to {@code host}, or empty when it is not on loopback (the user
   * chose to expose it, and any name may reach it).
   */
  public static Optional<LoopbackHosts> forBinding(String host) {
    try {
      if (!InetAddress.getByName(host).isLoopbackAddress()) {
        return Optional.empty();
      }
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    String bound = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    Set<String> names = new TreeSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
    names.add(bound.toLowerCase(Locale.ROOT));
    return Optional.of(new LoopbackHosts(names));
  }

  /** Whether a request with Host header {@code header} (null when absent) to local port {@code port} is answered. */
  public boolean allows(String header, int port) {
    if (header == null) {
      return false;
    }
    String h = header.trim().toLowerCase(Locale.ROOT);
    String suffix = ":" + port;
    if (h.endsWith(suffix)) {
      h = h.substring(0, h.length() - suffix.length());
    }
    return names.contains(h);
  }
}
