package io.lowcarb.energy.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Plaintext is served on loopback only, unless the operator says --insecure (and is warned). */
class ListenAddressTest {

  @Test
  void loopbackNamesAndAddressesServePlaintextWithoutAWord() {
    for (String host : new String[] {"127.0.0.1", "localhost", "::1", "127.0.0.2"}) {
      ListenAddress a = ListenAddress.of(host);
      assertThat(a.loopback()).as(host).isTrue();
      assertThat(a.plaintext(false)).as(host).isEmpty();
    }
  }

  @Test
  void everyInterfaceIsRefusedInOneLineUnlessInsecure() {
    for (String host : new String[] {"0.0.0.0", "::", "no-such-host.invalid"}) {
      ListenAddress a = ListenAddress.of(host);
      assertThat(a.loopback()).as(host).isFalse();
      assertThatThrownBy(() -> a.plaintext(false)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("refusing to serve plaintext on " + host + ", which is not a loopback address")
          .hasMessageContaining("--tls-cert and --tls-key").hasMessageContaining("--insecure")
          .hasMessageNotContaining("\n");
      assertThat(a.plaintext(true)).hasValueSatisfying(w -> assertThat(w).startsWith("warning: serving plaintext on " + host));
    }
  }
}
