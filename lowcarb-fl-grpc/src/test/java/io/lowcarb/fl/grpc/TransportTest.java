package io.lowcarb.fl.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.lowcarb.energy.net.TestCertificates;
import io.lowcarb.fl.grpc.auth.BearerAuthentication;
import io.lowcarb.fl.grpc.auth.Tokens;
import io.lowcarb.fl.grpc.client.FederationChannel;
import io.lowcarb.fl.grpc.proto.FederationGrpc;
import io.lowcarb.fl.grpc.proto.JoinReply;
import io.lowcarb.fl.grpc.proto.JoinRequest;
import io.lowcarb.fl.grpc.server.FederationServer;
import io.lowcarb.fl.grpc.tls.TlsFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens and TLS, with a service that only says who called. */
class TransportTest {
  @TempDir Path dir;

  private final Tokens tokens = Tokens.parse(List.of("# clients", "alice s3cret-a", "", "bob  s3cret-b"), "tokens");
  private final AtomicInteger served = new AtomicInteger();

  /** Answers Join with the caller's id. */
  private final class Echo extends FederationGrpc.FederationImplBase {
    @Override
    public void join(JoinRequest request, StreamObserver<JoinReply> reply) {
      served.incrementAndGet();
      reply.onNext(JoinReply.newBuilder().setClient(BearerAuthentication.CLIENT.get()).build());
      reply.onCompleted();
    }
  }

  private static String join(FederationChannel channel) {
    return channel.stub(10, TimeUnit.SECONDS).join(JoinRequest.getDefaultInstance()).getClient();
  }

  @Test
  void aKnownTokenNamesItsClientAndOthersAreRefusedBeforeTheService() throws Exception {
    try (FederationServer server = FederationServer.start("127.0.0.1", 0, InsecureServerCredentials.create(), tokens,
        new Echo(), 1 << 20)) {
      String target = "127.0.0.1:" + server.address().getPort();
      try (FederationChannel bob = FederationChannel.open(target, InsecureChannelCredentials.create(), "s3cret-b")) {
        assertThat(join(bob)).isEqualTo("bob");
      }
      for (String token : List.of("wrong", "s3cret-a2", "s3cret-", "")) {
        try (FederationChannel stranger = FederationChannel.open(target, InsecureChannelCredentials.create(), token)) {
          assertThatThrownBy(() -> join(stranger)).isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        }
      }
      var raw = io.grpc.Grpc.newChannelBuilder(target, InsecureChannelCredentials.create()).build();
      try {
        assertThatThrownBy(() -> FederationGrpc.newBlockingStub(raw).join(JoinRequest.getDefaultInstance()))
            .isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
      } finally {
        raw.shutdownNow();
      }
    }
    assertThat(served).as("only bob's call reached the service").hasValue(1);
  }

  @Test
  void tlsWithTheTestAuthorityWorksAndAClientWithoutItFails() throws Exception {
    TestCertificates certs = TestCertificates.make(dir);
    try (FederationServer server = FederationServer.start("127.0.0.1", 0,
        TlsFiles.server(Optional.of(certs.cert()), Optional.of(certs.key())), tokens, new Echo(), 1 << 20)) {
      int port = server.address().getPort();
      for (String host : List.of("127.0.0.1", "localhost")) {
        try (FederationChannel alice = FederationChannel.open(host + ":" + port,
            TlsFiles.client(Optional.of(certs.ca()), true), "s3cret-a")) {
          assertThat(join(alice)).isEqualTo("alice");
        }
      }
      try (FederationChannel systemRoots = FederationChannel.open("127.0.0.1:" + port,
          TlsFiles.client(Optional.empty(), true), "s3cret-a")) {
        assertThatThrownBy(() -> join(systemRoots)).isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
      }
      try (FederationChannel plaintext = FederationChannel.open("127.0.0.1:" + port,
          InsecureChannelCredentials.create(), "s3cret-a")) {
        assertThatThrownBy(() -> join(plaintext)).isInstanceOf(StatusRuntimeException.class);
      }
    }
    assertThat(served).hasValue(2);
  }

  @Test
  void badTokenFilesAndTlsFilesAreNamed() {
    assertThatThrownBy(() -> Tokens.parse(List.of("alice"), "t.txt")).hasMessage("t.txt line 1: expected 'CLIENT-ID TOKEN'");
    assertThatThrownBy(() -> Tokens.parse(List.of("a x", "a y"), "t.txt")).hasMessageContaining("listed twice");
    assertThatThrownBy(() -> Tokens.parse(List.of("a x", "b x"), "t.txt")).hasMessageContaining("another client's");
    assertThatThrownBy(() -> Tokens.parse(List.of("# none"), "t.txt")).hasMessageContaining("lists no client");
    assertThatThrownBy(() -> TlsFiles.server(Optional.of(dir.resolve("c.pem")), Optional.empty()))
        .hasMessageContaining("go together");
    assertThatThrownBy(() -> TlsFiles.server(Optional.of(dir.resolve("c.pem")), Optional.of(dir.resolve("k.pem"))))
        .hasMessageContaining("cannot read");
    assertThat(tokens.client("s3cret-a")).contains("alice");
    assertThat(tokens.clients()).containsExactly("alice", "bob");
  }
}
