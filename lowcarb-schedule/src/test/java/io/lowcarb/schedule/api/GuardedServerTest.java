package io.lowcarb.schedule.api;

import static io.lowcarb.schedule.api.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lowcarb.energy.net.TestCertificates;
import io.lowcarb.energy.net.TlsIdentity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's guards on loopback, with real clients: the Host check against DNS rebinding, and TLS
 * from PEM files made here.
 */
class GuardedServerTest {
  @TempDir Path dir;

  private static CarbonAwareServer.Builder server(String host) {
    JobsServerTest.FakeJobs jobs = new JobsServerTest.FakeJobs();
    jobs.submit(JobRequests.parse(JobRequestsTest.GOOD.getBytes(StandardCharsets.UTF_8)));
    return CarbonAwareServer.builder(new Catalog(List.of())).host(host).port(0).jobs(jobs, JobsServerTest.TOKEN);
  }

  /** The whole response to a GET of {@code path} with Host header {@code host} (none when null), over {@code socket}. */
  private static String get(Socket socket, String path, String host) throws IOException {
    try (socket) {
      String request = "GET " + path + " HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
          + "Authorization: Bearer " + JobsServerTest.TOKEN + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Socket loopback(int port) throws IOException {
    return new Socket(InetAddress.getLoopbackAddress(), port);
  }

  @Test
  void onLoopbackOnlyRequestsNamingItAreAnsweredAgainstDnsRebinding() throws Exception {
    try (CarbonAwareServer s = server("127.0.0.1").start()) {
      int port = s.address().getPort();
      assertThat(get(loopback(port), "/jobs", "127.0.0.1:" + port)).startsWith("HTTP/1.1 200").contains("--epochs");
      assertThat(get(loopback(port), "/jobs", "localhost:" + port)).startsWith("HTTP/1.1 200");
      assertThat(get(loopback(port), "/jobs", "LOCALHOST")).startsWith("HTTP/1.1 200");

      String rebound = get(loopback(port), "/jobs", "attacker.example:" + port);
      assertThat(rebound).startsWith("HTTP/1.1 403").contains("application/problem+json")
          .contains("answers requests for 127.0.0.1 or localhost only, not attacker.example:" + port)
          .doesNotContain("--epochs");
      assertThat(get(loopback(port), "/jobs", "127.0.0.1.attacker.example:" + port)).startsWith("HTTP/1.1 403");
      assertThat(get(loopback(port), "/nowhere", "attacker.example")).as("before routing").startsWith("HTTP/1.1 403");
      assertThat(get(loopback(port), "/jobs", null)).startsWith("HTTP/1.1 403").contains("not no Host");
    }
  }

  @Test
  void boundToEveryInterfaceAnyNameIsAnswered() throws Exception {
    // the operator chose to expose it; traffic still goes to loopback only
    try (CarbonAwareServer s = server("0.0.0.0").start()) {
      int port = s.address().getPort();
      assertThat(get(loopback(port), "/jobs", "scheduler.example:" + port)).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void overTlsAClientTrustingTheAuthorityIsAnsweredAndOthersFail() throws Exception {
    TestCertificates certs = TestCertificates.make(dir);
    try (CarbonAwareServer s = server("127.0.0.1").tls(TlsIdentity.read(certs.cert(), certs.key())).start()) {
      int port = s.address().getPort();
      assertThat(s.uri()).isEqualTo(URI.create("https://127.0.0.1:" + port + "/"));
      HttpClient trusting = HttpClient.newBuilder().sslContext(certs.clientContext()).build();
      for (String host : List.of("127.0.0.1", "localhost")) {
        HttpResponse<String> jobs = trusting.send(HttpRequest.newBuilder(URI.create("https://" + host + ":" + port + "/jobs"))
            .header("Authorization", "Bearer " + JobsServerTest.TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jobs.statusCode()).as(host).isEqualTo(200);
        assertThat(json(jobs).get(0).get("command").get(2).asText()).isEqualTo("--epochs");
      }

      HttpClient systemRoots = HttpClient.newHttpClient();
      assertThatThrownBy(() -> systemRoots.send(HttpRequest.newBuilder(s.uri().resolve("/jobs")).build(),
          HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
      String plain;
      try {
        plain = get(loopback(port), "/jobs", "127.0.0.1:" + port);
      } catch (IOException e) {
        plain = e.toString(); // the server may reset the connection rather than close it
      }
      assertThat(plain).as("plain HTTP gets no answer").doesNotContain("HTTP/1.1 200").doesNotContain("--epochs");

      SSLSocket rebound = (SSLSocket) certs.clientContext().getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
      assertThat(get(rebound, "/jobs", "attacker.example:" + port)).startsWith("HTTP/1.1 403").doesNotContain("--epochs");
    }
  }
}
