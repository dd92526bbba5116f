package io.lowcarb.cli;

import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.lowcarb.compress.Checkpoint;
import io.lowcarb.energy.EnergyBasis;
import io.lowcarb.energy.SensorDiscovery;
import io.lowcarb.energy.net.TlsIdentity;
import io.lowcarb.fl.InitialModel;
import io.lowcarb.fl.NetworkEnergy;
import io.lowcarb.fl.codec.Compression;
import io.lowcarb.fl.grpc.auth.Tokens;
import io.lowcarb.fl.grpc.server.Coordinator;
import io.lowcarb.fl.grpc.server.FederationServer;
import io.lowcarb.fl.grpc.server.FederationService;
import io.lowcarb.fl.grpc.server.RoundSettings;
import io.lowcarb.fl.grpc.server.StateFiles;
import io.lowcarb.fl.grpc.server.TestSetAccuracy;
import io.lowcarb.fl.grpc.tls.TlsFiles;
import io.lowcarb.fl.report.FlResult;
import io.lowcarb.track.Artifact;
import io.lowcarb.track.EnergyFigure;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.FunctionalUnit;
import io.lowcarb.track.Machine;
import io.lowcarb.track.RunEnd;
import io.lowcarb.track.RunKind;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.ModelSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lowcarb fl server}: runs the rounds of a federation whose clients are other processes,
 * usually on other machines, over gRPC with bearer tokens and optionally TLS.
 */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Run a federation's server over gRPC, with bearer tokens and TLS, checkpointed every round.",
      "Clients (lowcarb fl client) join with their token, train on their own data and send their updates; "
          + "the server aggregates, evaluates on its test set and checkpoints every round in --out. A server "
          + "started again with the same --out resumes after the last round checkpointed."
    })
final class FlServerCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--host", defaultValue = FederationServer.DEFAULT_HOST, paramLabel = "HOST",
      description = "The address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--port", defaultValue = "50051", description = "The port (default 50051; 0 picks a free one).")
  int port;

  @Option(names = "--tokens", required = true, paramLabel = "FILE",
      description = "The clients allowed: one 'CLIENT-ID TOKEN' per line, # for comments.")
  Path tokens;

  @Mixin ServerTlsOptions tls;

  @Option(names = "--rounds", defaultValue = "10", description = "Rounds to run (default 10).")
  int rounds;

  @Option(names = "--min-clients", defaultValue = "2", paramLabel = "K",
      description = "Clients that must have joined before round 1 (default 2); later rounds need a quorum of them.")
  int minClients;

  @Option(names = "--quorum", defaultValue = "0", paramLabel = "N",
      description = "Updates that close a round once --round-timeout passed (default: a majority of its clients).")
  int quorum;

  @Option(names = "--round-timeout", defaultValue = "60s", converter = Durations.class, paramLabel = "DURATION",
      description = "How long a round waits for all its clients before a quorum may close it (default 60s).")
  Duration roundTimeout;

  @Option(names = "--fraction", defaultValue = "1", paramLabel = "F",
      description = "Share of the available clients each round takes, in (0, 1] (default 1).")
  double fraction;

  @Option(names = "--compress", defaultValue = "none", paramLabel = "none|int8|topk:FRACTION",
      description = "How clients encode their updates (default none: float32); the model goes down as float32.")
  String compress;

  @Option(names = "--dataset", defaultValue = "digits", paramLabel = "digits|mnist|fashion-mnist|PATH.csv",
      description = "The data: its test part evaluates the global model; clients train on parts of its training part.")
  String dataset;

  @Mixin FlRoundOptions round;

  @Option(names = "--max-examples-per-client", paramLabel = "N",
      description = "The most examples one client's update weighs in the average, whatever it claims (default: the "
          + "size of the training part; for N equal parts, about that size / N).")
  Integer maxExamplesPerClient;

  @Option(names = "--test-fraction", defaultValue = "0.2", description = "Held out for testing (default 0.2).")
  double testFraction;

  @Option(names = "--seed", defaultValue = "42", description = "Seeds the data split, the model and selection (default 42).")
  long seed;

  @Option(names = "--out", defaultValue = "fl-server-out", paramLabel = "DIR",
      description = "Checkpoints (the global model, state.json, rounds.json) go here (default fl-server-out).")
  Path out;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON at the end.")
  Path json;

  @Mixin StoreOption storeOption;

  /** How long a client's request for a task is held before it is told to ask again. */
  private static final Duration POLL = Duration.ofSeconds(10);

  @Override
  public Integer call() throws Exception {
    Tokens allowed = tokens();
    PrintWriter err = spec.commandLine().getErr();
    Optional<TlsIdentity> identity = tls.identity(host, err, "fl server");
    ServerCredentials credentials = identity.map(TlsFiles::server).orElseGet(InsecureServerCredentials::create);
    RoundSettings settings;
    try {
      settings = new RoundSettings(rounds, minClients, quorum, fraction, round.selection(), round.strategy(),
          Compression.parse(compress), round.localEpochs, round.batchSize, round.learningRate, roundTimeout, seed);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0 to 65535, got " + port);
    }
    if (maxExamplesPerClient != null && maxExamplesPerClient < 1) {
      throw new UsageException("--max-examples-per-client must be at least 1, got " + maxExamplesPerClient);
    }
    TrainingInput.Loaded loaded = round.load(dataset, testFraction, seed);
    Split data = loaded.data();
    ModelSpec modelSpec = loaded.spec();
    FlSimulateCommand.oneTorchThread();
    Checkpoint initial = InitialModel.of(modelSpec, data.train(), seed);
    StateFiles files = new StateFiles(out, initial, data.train().shape(), dataset, settings.strategy().label());
    // no client holds more than the whole training part, whatever it claims
    int maxExamples = maxExamplesPerClient != null ? maxExamplesPerClient : data.train().size();
    SensorDiscovery.Result found = SensorDiscovery.discover(SensorDiscovery.Options.defaults());
    try (Recording recording = Recording.start(storeOption, spec, RunKind.FL,
            modelSpec.name() + " on " + dataset + ", federated over gRPC", Machine.of(found.machine()), "accuracy");
        TestSetAccuracy accuracy = new TestSetAccuracy(initial, data.test());
        Coordinator coordinator = new Coordinator(settings, new Coordinator.Model(initial, dataset, seed, maxExamples),
            accuracy, Optional.of(files), POLL, line -> say(err, line))) {
      FederationServer server;
      try {
        server = FederationServer.start(host, port, credentials, allowed, new FederationService(coordinator),
            Math.toIntExact(Math.min(Integer.MAX_VALUE, 2 * coordinator.maxUpdateBytes() + (1 << 20))));
      } catch (IOException e) {
        throw new UsageException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
      }
      try (server) {
        say(err, String.format(Locale.ROOT, "listening on %s:%d (%s), %d client(s) in %s; %s on %s, %d rounds; an update "
                + "weighs %,d examples at most; checkpoints in %s", host, server.address().getPort(),
            identity.isPresent() ? "TLS" : "plaintext", allowed.clients().size(), tokens, modelSpec.name(), dataset, rounds,
            maxExamples, out));
        FlResult result = recording.failOnError(() -> {
          try {
            return coordinator.run(new RecordedRounds(err, recording, rounds));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
          } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage()); // a state of another federation in --out
          }
        });
        Set<String> untold = coordinator.awaitFarewells(roundTimeout.compareTo(POLL) > 0 ? roundTimeout : POLL);
        if (!untold.isEmpty()) {
          say(err, "not told that the federation is done: " + String.join(", ", untold.stream().sorted().toList()));
        }
        finish(err, recording, result);
      }
    }
    return 0;
  }

  private Tokens tokens() {
    try {
      return Tokens.read(tokens);
    } catch (NoSuchFileException e) {
      throw new UsageException("no such tokens file: " + tokens);
    } catch (IOException e) {
      throw new UsageException("cannot read the tokens file " + tokens + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static void say(PrintWriter err, String line) {
    err.println("fl server: " + line);
    err.flush();
  }

  private void finish(PrintWriter err, Recording recording, FlResult r) throws IOException {
    List<Artifact> artifacts = new ArrayList<>(List.of(new Artifact("checkpoint", out.toAbsolutePath().toString())));
    if (json != null) {
      r.writeJson(json);
      recording.ids().stamp(json); // the result's JSON is lowcarb-fl's: the run's ids go in after
      artifacts.add(new Artifact("json", json.toAbsolutePath().toString()));
    }
    say(err, String.format(Locale.ROOT, "final accuracy %.4f after %d rounds; sent %.2f MB; client energy %s (%s, as "
            + "the clients' meters reported it), network %s (%s); CO2e %s (%s)", r.finalAccuracy(), r.rounds(),
        r.bytesSent() / 1e6, Summary.energy(r.energyKwh() * 3.6e6), BasisText.of(r.energyBasis()),
        Summary.energy(r.networkKwh() * 3.6e6), NetworkEnergy.BASIS, Summary.grams(r.emissionsKg() * 1000),
        BasisText.of(r.totalBasis())));
    recording.end(RunEnd.finished(Instant.now(), footprint(r), Map.of("accuracy", r.finalAccuracy(),
            "rounds", (double) r.rounds(), "bytes_sent", (double) r.bytesSent(), "client_energy_kwh", r.energyKwh(),
            "network_kwh", r.networkKwh(), "co2_saved_vs_random_kg", r.co2SavedKg()))
        .withArtifacts(artifacts).withUnit(new FunctionalUnit("federated training", 1)));
  }

  /**
   * The federation's footprint as the server knows it: the training energy the clients' meters
   * obtained and reported with their updates, under the method they reported (measured, estimated
   * or mixed), and the network's estimate from the bytes.
   */
  private static Footprint footprint(FlResult r) {
    double kwh = r.energyKwh() + r.networkKwh();
    String method = r.energyBasis().map(b -> b.method().label()).orElse("none");
    Footprint f = new Footprint(List.of(
        new EnergyFigure("clients", r.energyKwh(), method, "each client's meter, reported with its updates",
            r.energyBasis().map(EnergyBasis::uncertaintyPct).orElse(Double.NaN)),
        new EnergyFigure("network", r.networkKwh(), "estimate", NetworkEnergy.METHOD, NetworkEnergy.UNCERTAINTY_PCT)),
        kwh, r.emissionsKg(), kwh > 0 ? r.emissionsKg() * 1000 / kwh : 0, "clients' zones",
        "reported by each client", "average", 1);
    // the clients are independent of one another and of the network: FlResult combines them so
    return r.totalBasis().map(f::withBasis).orElse(f);
  }
}
