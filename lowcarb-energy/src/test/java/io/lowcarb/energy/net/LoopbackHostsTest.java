package io.lowcarb.energy.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which Host headers a loopback server answers: its own names, never a name pointed at it from elsewhere. */
class LoopbackHostsTest {

  @Test
  void aLoopbackBindingAnswersItsOwnNamesWithOrWithoutThePort() {
    LoopbackHosts hosts = LoopbackHosts.forBinding("127.0.0.1").orElseThrow();
    assertThat(hosts.allows("127.0.0.1:8080", 8080)).isTrue();
    assertThat(hosts.allows("localhost", 8080)).isTrue();
    assertThat(hosts.allows(" LocalHost:8080 ", 8080)).isTrue();
    assertThat(hosts.allows("[::1]:8080", 8080)).isTrue();
  }

  @Test
  void rebindingNamesOtherPortsAndAMissingHeaderAreRefused() {
    LoopbackHosts hosts = LoopbackHosts.forBinding("localhost").orElseThrow();
    assertThat(hosts.allows("attacker.example:8080", 8080)).isFalse();
    assertThat(hosts.allows("127.0.0.1.attacker.example", 8080)).isFalse();
    assertThat(hosts.allows("localhost:9999", 8080)).isFalse();
    assertThat(hosts.allows("", 8080)).isFalse();
    assertThat(hosts.allows(null, 8080)).isFalse();
  }

  @Test
  void anIpv6LoopbackBindingAnswersItsBracketedAddress() {
    LoopbackHosts hosts = LoopbackHosts.forBinding("::1").orElseThrow();
    assertThat(hosts.allows("[::1]:8080", 8080)).isTrue();
    assertThat(hosts.names()).contains("[::1]");
  }

  @Test
  void anExposedOrUnknownBindingHasNoCheck() {
    assertThat(LoopbackHosts.forBinding("0.0.0.0")).isEmpty();
    assertThat(LoopbackHosts.forBinding("no-such-host.invalid")).isEmpty();
  }
}
