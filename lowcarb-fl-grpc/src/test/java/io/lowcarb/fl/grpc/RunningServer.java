package io.lowcarb.fl.grpc;

import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.lowcarb.compress.Checkpoint;
import io.lowcarb.fl.InitialModel;
import io.lowcarb.fl.aggregate.FedAvg;
import io.lowcarb.fl.codec.Compression;
import io.lowcarb.fl.grpc.auth.Tokens;
import io.lowcarb.fl.grpc.client.FederationChannel;
import io.lowcarb.fl.grpc.server.Coordinator;
import io.lowcarb.fl.grpc.server.FederationServer;
import io.lowcarb.fl.grpc.server.FederationService;
import io.lowcarb.fl.grpc.server.RoundSettings;
import io.lowcarb.fl.grpc.server.StateFiles;
import io.lowcarb.fl.report.FlResult;
import io.lowcarb.fl.select.Selection;
import io.lowcarb.train.data.LabeledData;
import io.lowcarb.train.model.ModelSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A federation server on loopback for the tests, its coordinator running on a thread of its own. */
final class RunningServer implements AutoCloseable {
  static final Tokens TOKENS = Tokens.parse(List.of("honest-1 t1", "honest-2 t2", "hostile th", "honest-3 t3"), "tokens");

  /** A small model: 4 inputs, 8 hidden units, 3 classes. */
  static final Checkpoint MODEL = InitialModel.of(ModelSpec.mlp(8, 3),
      new LabeledData("tiny", new float[] {0, 1, 2, 3, 4, 5, 6, 7}, new int[] {0, 1}, new long[] {4}, 3), 7);

  final Coordinator coordinator;
  final FederationServer server;
  final List<String> log = new CopyOnWriteArrayList<>();
  final CompletableFuture<FlResult> result = new CompletableFuture<>();
  private final Thread thread;

  /** The most examples a client's update weighs unless a test says otherwise: more than the scripted clients hold. */
  static final int MAX_EXAMPLES = 1000;

  RunningServer(RoundSettings settings, Optional<StateFiles> files, int port) throws Exception {
    this(settings, files, port, "never", MAX_EXAMPLES);
  }

  RunningServer(RoundSettings settings, Optional<StateFiles> files, int port, String crashOn) throws Exception {
    this(settings, files, port, crashOn, MAX_EXAMPLES);
  }

  /**
   * A server whose coordinator fails on the line starting with {@code crashOn}, as a crash there
   * would stop it, and weighs an update as {@code maxExamples} examples at most.
   */
  RunningServer(RoundSettings settings, Optional<StateFiles> files, int port, String crashOn, int maxExamples)
      throws Exception {
    java.util.function.Consumer<String> sink = line -> {
      log.add(line);
      if (line.startsWith(crashOn)) {
        throw new IllegalStateException("crash after: " + line);
      }
    };
    // the "accuracy" is the first value of the model, which the tests can follow
    coordinator = new Coordinator(settings, new Coordinator.Model(MODEL, "tiny", 42, maxExamples), weights -> weights[0],
        files, Duration.ofMillis(500), sink);
    server = FederationServer.start("127.0.0.1", port, InsecureServerCredentials.create(), TOKENS,
        new FederationService(coordinator), 1 << 20);
    thread = Thread.ofPlatform().name("coordinator").start(() -> {
      try {
        result.complete(coordinator.run(r -> sink.accept("round " + r.round() + "/" + settings.rounds())));
        coordinator.awaitFarewells(Duration.ofSeconds(5));
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    });
  }

  static RoundSettings settings(int rounds, int minClients) {
    return settings(rounds, minClients, 1, new Selection.Uniform());
  }

  static RoundSettings settings(int rounds, int minClients, double fraction, Selection selection) {
    return new RoundSettings(rounds, minClients, 0, fraction, selection, new FedAvg(), new Compression.None(),
        1, 8, 0.1f, Duration.ofSeconds(3), 1);
  }

  String target() {
    return "127.0.0.1:" + server.address().getPort();
  }

  FederationChannel channel(String token) {
    return FederationChannel.open(target(), InsecureChannelCredentials.create(), token);
  }

  /** Stops the coordinator where it is and the server: a crash, as far as the clients can tell. */
  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join(5000);
    server.close();
    coordinator.close();
  }
}
