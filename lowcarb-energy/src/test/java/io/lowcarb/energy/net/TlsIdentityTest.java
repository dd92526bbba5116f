package io.lowcarb.energy.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TLS identity from PEM files: it shakes hands on loopback, and bad files are named in one line. */
class TlsIdentityTest {
  @TempDir Path dir;

  @Test
  void aServerPresentingItShakesHandsWithAClientTrustingTheAuthority() throws Exception {
    TestCertificates certs = TestCertificates.make(dir);
    TlsIdentity identity = TlsIdentity.read(certs.cert(), certs.key());
    try (SSLServerSocket server = (SSLServerSocket) identity.serverContext().getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> {
        try (SSLSocket s = (SSLSocket) server.accept()) {
          int b = s.getInputStream().read();
          s.getOutputStream().write(b + 1);
          return b;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      try (SSLSocket client = (SSLSocket) certs.clientContext().getSocketFactory()
          .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
        client.getOutputStream().write(41);
        assertThat(client.getInputStream().read()).isEqualTo(42);
        assertThat(client.getSession().getPeerCertificates()[0]).isEqualTo(identity.chain()[0]);
      }
      assertThat(served.get()).isEqualTo(41);
    }
  }

  @Test
  void bothFilesOrNeither() throws Exception {
    TestCertificates certs = TestCertificates.make(dir);
    assertThat(TlsIdentity.fromOptions(Optional.empty(), Optional.empty())).isEmpty();
    assertThat(TlsIdentity.fromOptions(Optional.of(certs.cert()), Optional.of(certs.key()))).isPresent();
    assertThatThrownBy(() -> TlsIdentity.fromOptions(Optional.of(certs.cert()), Optional.empty()))
        .hasMessage("--tls-cert and --tls-key go together: give both or neither");
  }

  @Test
  void unusableFilesAreNamedInOneLine() throws Exception {
    TestCertificates mine = TestCertificates.make(dir.resolve("mine"));
    TestCertificates other = TestCertificates.make(dir.resolve("other"));
    Path missing = dir.resolve("missing.pem");
    Path text = Files.writeString(dir.resolve("text.pem"), "not a certificate\n");
    Path pkcs1 = Files.writeString(dir.resolve("rsa.key"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    Path garbled = Files.writeString(dir.resolve("garbled.key"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

    assertOneLine(() -> TlsIdentity.read(missing, mine.key()), "cannot read " + missing);
    assertOneLine(() -> TlsIdentity.read(mine.cert(), missing), "cannot read " + missing);
    assertOneLine(() -> TlsIdentity.read(text, mine.key()), text.toString());
    assertOneLine(() -> TlsIdentity.read(mine.cert(), mine.cert()), "holds no 'BEGIN PRIVATE KEY' block");
    assertOneLine(() -> TlsIdentity.read(mine.cert(), pkcs1), "its key is not PKCS#8");
    assertOneLine(() -> TlsIdentity.read(mine.cert(), garbled), "cannot use " + garbled + " as the certificate's EC key");
    assertOneLine(() -> TlsIdentity.read(mine.cert(), other.key()),
        "the key in " + other.key() + " does not belong to the certificate in " + mine.cert());
  }

  private static void assertOneLine(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String expected) {
    assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(expected)
        .hasMessageNotContaining("\n");
  }
}
