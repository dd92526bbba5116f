package io.lowcarb.cli;

import static io.lowcarb.cli.Cli.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.InsecureChannelCredentials;
import io.lowcarb.energy.net.TestCertificates;
import io.lowcarb.fl.grpc.client.FederationChannel;
import io.lowcarb.fl.grpc.proto.JoinReply;
import io.lowcarb.fl.grpc.proto.JoinRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server and three client processes over TLS on loopback, one client killed mid-round; bad
 * input; and plaintext beyond loopback, refused before binding or allowed by --insecure.
 */
class FlServerClientTest {
  @TempDir Path dir;

  private static final int ROUNDS = 5;

  /** The settings both the federation and its simulation use: 3 clients, all in every round, iid. */
  private static final List<String> COMMON = List.of("--rounds", String.valueOf(ROUNDS), "--local-epochs", "2",
      "--batch-size", "10", "--lr", "0.05", "--seed", "42");

  @Test
  void threeClientsOverTlsFinishEveryRoundWithOneKilledAndMatchTheSimulation() throws Exception {
    long t0 = System.nanoTime();
    Path simJson = dir.resolve("sim.json");
    List<String> sim = new ArrayList<>(List.of("fl", "simulate", "--clients", "3", "--fraction", "1", "--partition", "iid",
        "--json", simJson.toString(), "--out", dir.resolve("sim").toString(), "--store", "none"));
    sim.addAll(COMMON);
    Cli.Result simulated = Cli.inProcess(sim.toArray(String[]::new));
    assertThat(simulated.exit()).as(simulated.err()).isZero();
    double simulatedAccuracy = json(simJson).get("final_accuracy").asDouble();
    long simulatedBytes = json(simJson).get("bytes_sent").asLong();
    long t1 = System.nanoTime();

    TestCertificates tls = TestCertificates.make(dir.resolve("tls"));
    Path tokens = Files.writeString(dir.resolve("tokens"), "# the federation's clients\nes tok-es\nfr tok-fr\npl tok-pl\n");
    Path out = dir.resolve("out");
    Path result = dir.resolve("fl.json");
    String store = "jdbc:h2:file:" + dir.resolve("runs");
    String clientStore = "jdbc:h2:file:" + dir.resolve("es-runs");
    List<String> serverArgs = new ArrayList<>(List.of("fl", "server", "--port", "0", "--min-clients", "3",
        "--strategy", "fedavg", "--tokens", tokens.toString(), "--tls-cert", tls.cert().toString(),
        "--tls-key", tls.key().toString(), "--round-timeout", "4s", "--out", out.toString(), "--json", result.toString(),
        "--store", store));
    serverArgs.addAll(COMMON);
    Path serverLog = dir.resolve("server.log");
    Process server = Cli.spawn(serverLog, serverArgs.toArray(String[]::new));
    List<Process> clients = new ArrayList<>();
    try {
      Matcher listening = await(serverLog, Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)"), 60);
      String[][] who = {{"es", "ES"}, {"fr", "FR"}, {"pl", "PL"}};
      for (int i = 0; i < who.length; i++) {
        clients.add(Cli.spawn(dir.resolve("client-" + who[i][0] + ".log"), "fl", "client",
            "--server", "127.0.0.1:" + listening.group(1), "--token", "tok-" + who[i][0], "--tls-ca", tls.ca().toString(),
            "--dataset", "digits", "--partition", (i + 1) + "/3", "--split", "iid", "--seed", "42",
            "--zone", who[i][1], "--store", i == 0 ? clientStore : "none"));
      }
      await(serverLog, Pattern.compile("fl server: round 2: "), 90);
      clients.getLast().destroyForcibly(); // mid-round 2: handed the model, training or about to send
      assertThat(server.waitFor(120, TimeUnit.SECONDS)).as(Files.readString(serverLog)).isTrue();
      assertThat(server.exitValue()).as(Files.readString(serverLog)).isZero();
      for (Process survivor : clients.subList(0, 2)) {
        assertThat(survivor.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(survivor.exitValue()).isZero();
      }
    } finally {
      clients.forEach(Process::destroyForcibly);
      server.destroyForcibly();
    }
    String log = Files.readString(serverLog);
    JsonNode fl = json(result);
    System.out.printf("fl server and clients: accuracy %.4f (simulation %.4f), %,d bytes over %d rounds (simulation "
            + "%,d); simulation %.1f s, federation %.1f s%n%s%n", fl.get("final_accuracy").asDouble(), simulatedAccuracy,
        fl.get("bytes_sent").asLong(), fl.get("rounds").asInt(), simulatedBytes, (t1 - t0) / 1e9,
        (System.nanoTime() - t1) / 1e9, log);
    assertThat(fl.get("rounds").asInt()).isEqualTo(ROUNDS);
    assertThat(fl.get("per_round").get(0).get("clients")).hasSize(3);
    assertThat(fl.get("per_round").get(ROUNDS - 1).get("clients")).as("pl is gone").hasSize(2);
    assertThat(fl.get("energy_kwh").asDouble()).isPositive();
    assertThat(fl.get("final_accuracy").asDouble()).as(log).isGreaterThanOrEqualTo(simulatedAccuracy - 0.02);
    assertThat(log).contains("pl joined (PL, ").contains("(TLS)");
    // each client says how its meter obtained its energy; the server prints what they said, never
    // "measured" of its own accord, and the network's estimate makes the total estimated or mixed
    String method = fl.get("training").get("energy_method").asText();
    assertThat(method).isIn("measured", "estimated", "mixed");
    assertThat(fl.get("energy_method").asText()).isIn("estimated", "mixed");
    assertThat(fl.get("per_round").get(0).get("per_client")).hasSize(3).allSatisfy(c -> {
      assertThat(c.get("energy_method").asText()).isIn("measured", "estimated", "mixed");
      assertThat(c.get("uncertainty_pct").asDouble()).isPositive();
    });
    assertThat(log).contains("client energy ").contains("(" + method + " +/-").contains("network ")
        .contains("(estimated +/-100 %)");
    if (!method.equals("measured")) {
      assertThat(log).doesNotContain("measured");
    }
    String perClient = fl.get("per_round").get(0).get("per_client").get(0).get("energy_method").asText();
    assertThat(Files.readString(dir.resolve("client-es.log"))).containsPattern("round 1: .* J \\(" + perClient + " \\+/-");
    assertThat(out.resolve("state.json")).exists();
    Cli.Result runs = Cli.inProcess("runs", "list", "--kind", "fl", "--store", store);
    assertThat(runs.out()).as(runs.err()).containsPattern("fl .* finished");
    Cli.Result clientRuns = Cli.inProcess("runs", "list", "--kind", "fl", "--store", clientStore);
    assertThat(clientRuns.out()).as(clientRuns.err()).containsPattern("fl .* finished .* fl client, part 1/3 of digits");
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Path tokens = Files.writeString(dir.resolve("tokens"), "a tok-a\n");
    Path bad = Files.writeString(dir.resolve("bad-tokens"), "a\n");
    assertUsageError(Cli.inProcess("fl", "server", "--tokens", dir.resolve("none").toString()), "no such tokens file");
    assertUsageError(Cli.inProcess("fl", "server", "--tokens", bad.toString()), "line 1: expected 'CLIENT-ID TOKEN'");
    assertUsageError(Cli.inProcess("fl", "server", "--tokens", tokens.toString(), "--strategy", "krum"), "unknown strategy 'krum'");
    assertUsageError(Cli.inProcess("fl", "server", "--tokens", tokens.toString(), "--tls-cert", tokens.toString()),
        "--tls-cert and --tls-key go together");
    assertUsageError(Cli.inProcess("fl", "server", "--tokens", tokens.toString(), "--min-clients", "2", "--quorum", "3"),
        "quorum");
    assertUsageError(Cli.inProcess("fl", "server", "--tokens", tokens.toString(), "--max-examples-per-client", "0",
        "--out", dir.resolve("out").toString(), "--store", "none"), "--max-examples-per-client must be at least 1");
    assertUsageError(Cli.inProcess("fl", "client", "--server", "127.0.0.1:1", "--token", "t", "--partition", "4/3"),
        "--partition: the part must be i/N");
    assertUsageError(Cli.inProcess("fl", "client", "--server", "127.0.0.1:1", "--token", "t", "--partition", "x"),
        "--partition: the part must look like i/N");
    assertUsageError(Cli.inProcess("fl", "client", "--server", "nowhere", "--token", "t", "--partition", "1/2"),
        "--server must be HOST:PORT");
    assertUsageError(Cli.inProcess("fl", "client", "--server", "127.0.0.1:1", "--token", "t", "--partition", "1/2",
        "--split", "zipf"), "unknown partition 'zipf'");
    try (var closed = new java.net.ServerSocket(0)) {
      int port = closed.getLocalPort();
      closed.close();
      Cli.Result unreachable = Cli.inProcess("fl", "client", "--server", "127.0.0.1:" + port, "--token", "t",
          "--partition", "1/2", "--retry-for", "5s", "--store", "none");
      assertThat(unreachable.exit()).as(unreachable.err()).isEqualTo(2);
      assertThat(unreachable.err().strip().lines().toList().getLast())
          .startsWith("fl client: cannot reach the server for ").doesNotContain("Exception");
      assertThat(unreachable.err()).contains("trying again in");
    }
  }

  @Test
  @Timeout(60)
  void plaintextBeyondLoopbackIsRefusedBeforeThePortIsBound() throws Exception {
    Path tokens = Files.writeString(dir.resolve("tokens"), "a tok-a\n");
    int port = SchedulerServeTest.freePort();
    Path out = dir.resolve("out");
    Cli.Result r = Cli.inProcess("fl", "server", "--tokens", tokens.toString(), "--host", "0.0.0.0", "--port",
        String.valueOf(port), "--out", out.toString(), "--store", "none");
    assertUsageError(r, "refusing to serve plaintext on 0.0.0.0, which is not a loopback address");
    assertThat(r.err()).startsWith("fl server: ");
    assertThat(SchedulerServeTest.listening(port)).as("nothing listened on " + port).isFalse();
    assertThat(out).as("nothing was written").doesNotExist();
  }

  @Test
  void withInsecureItListensOnEveryInterfaceAfterAWarning() throws Exception {
    Path tokens = Files.writeString(dir.resolve("tokens"), "a tok-a\nb tok-b\n");
    Path log = dir.resolve("server.log");
    Process server = Cli.spawn(log, "fl", "server", "--tokens", tokens.toString(), "--host", "0.0.0.0", "--port", "0",
        "--insecure", "--min-clients", "2", "--rounds", "1", "--out", dir.resolve("out").toString(), "--store", "none");
    try {
      Matcher listening = await(log, Pattern.compile("listening on 0\\.0\\.0\\.0:(\\d+) \\(plaintext\\)"), 60);
      assertThat(Files.readString(log)).contains("fl server: warning: serving plaintext on 0.0.0.0 (--insecure)");
      // bound to every interface, but the test talks to loopback only
      try (FederationChannel a = FederationChannel.open("127.0.0.1:" + listening.group(1),
          InsecureChannelCredentials.create(), "tok-a")) {
        JoinReply reply = a.stub(30, TimeUnit.SECONDS).join(JoinRequest.newBuilder().setExamples(10)
            .setDataset("digits").build());
        assertThat(reply.getClient()).isEqualTo("a");
      }
      await(log, Pattern.compile("fl server: a joined "), 30);
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static JsonNode json(Path file) throws Exception {
    return new ObjectMapper().readTree(file.toFile());
  }

  private static Matcher await(Path log, Pattern pattern, int seconds) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < until) {
      Matcher m = pattern.matcher(Files.exists(log) ? Files.readString(log) : "");
      if (m.find()) {
        return m;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no '" + pattern + "' within " + seconds + " s in:\n" + Files.readString(log));
  }
}
