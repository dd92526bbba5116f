package io.lowcarb.cli;

import io.grpc.ChannelCredentials;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.Measurement;
import io.lowcarb.energy.Meter;
import io.lowcarb.energy.SensorDiscovery;
import io.lowcarb.fl.grpc.client.DataPart;
import io.lowcarb.fl.grpc.client.FederationChannel;
import io.lowcarb.fl.grpc.client.FederationClient;
import io.lowcarb.fl.grpc.client.FederationException;
import io.lowcarb.fl.grpc.client.MeteredTraining;
import io.lowcarb.fl.grpc.proto.Done;
import io.lowcarb.fl.grpc.tls.TlsFiles;
import io.lowcarb.fl.partition.Partition;
import io.lowcarb.track.FunctionalUnit;
import io.lowcarb.track.Machine;
import io.lowcarb.track.RunKind;
import io.lowcarb.train.data.DatasetCache;
import io.lowcarb.train.data.DatasetFormatException;
import io.lowcarb.train.data.Datasets;
import io.lowcarb.train.data.LabeledData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lowcarb fl client}: takes part in a federation with this machine's part of the data. */
@Command(name = "client", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Take part in a federation (lowcarb fl server) with part i of N of the data, metered.",
      "Trains each round's model on part i of N of the dataset's training part, metered (measured where a sensor can be read, else estimated), and "
          + "sends the update. Reconnects when the server goes away; exits 0 when the server says the federation "
          + "is done."
    })
final class FlClientCommand implements Callable<Integer> {
  private static final Pattern TARGET = Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[^:\\s]+):(\\d{1,5})");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--server", required = true, paramLabel = "HOST:PORT", description = "The federation server.")
  String server;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "This client's bearer token (default: $LOWCARB_FL_TOKEN, which ps does not show).")
  String token;

  @Option(names = "--tls-ca", paramLabel = "PEM", description = "Connect with TLS, trusting this CA certificate.")
  Path tlsCa;

  @Option(names = "--tls", description = "Connect with TLS, trusting the system's certificate authorities.")
  boolean tls;

  @Option(names = "--dataset", defaultValue = "digits", paramLabel = "digits|mnist|fashion-mnist|PATH.csv",
      description = "The data, as the server names it (default digits).")
  String dataset;

  @Option(names = "--partition", required = true, paramLabel = "i/N", description = "This client's part: i of N (1-based).")
  String partition;

  @Option(names = "--split", defaultValue = "iid", paramLabel = "iid|dirichlet:ALPHA|shards:K",
      description = "How the training part is dealt to the N clients; all must say the same (default iid).")
  String split;

  @Option(names = "--seed", defaultValue = "42", description = "The seed of the data split: the server's (default 42).")
  long seed;

  @Option(names = "--test-fraction", defaultValue = "0.2", description = "Held out for testing: the server's (default 0.2).")
  double testFraction;

  @Option(names = "--retry-for", defaultValue = "60s", converter = Durations.class, paramLabel = "DURATION",
      description = "Give up when the server stays unreachable this long (default 60s).")
  Duration retryFor;

  @Mixin IntensityOptions intensityOptions;

  @Mixin MeterOptions meterOptions;

  @Mixin StoreOption storeOption;

  @Override
  public Integer call() throws IOException {
    if (!TARGET.matcher(server).matches()) {
      throw new UsageException("--server must be HOST:PORT, got '" + server + "'");
    }
    String secret = token != null ? token : System.getenv("LOWCARB_FL_TOKEN");
    if (secret == null || secret.isBlank()) {
      throw new UsageException("give the client's token with --token or LOWCARB_FL_TOKEN");
    }
    if (retryFor.isNegative() || retryFor.isZero()) {
      throw new UsageException("--retry-for must be positive");
    }
    DataPart part;
    Partition partitioning;
    ChannelCredentials credentials;
    try {
      part = DataPart.parse(partition);
      partitioning = Partition.parse(split);
      credentials = TlsFiles.client(Optional.ofNullable(tlsCa), tls);
    } catch (IllegalArgumentException e) {
      throw new UsageException((e.getMessage().startsWith("the part") ? "--partition: " : "") + e.getMessage());
    }
    meterOptions.check();
    IntensityOptions.Choice intensity = intensityOptions.resolve(Instant.now());
    LabeledData local;
    try {
      local = part.of(Datasets.load(dataset, "label", testFraction, seed, DatasetCache.standard()).train(), partitioning, seed);
    } catch (DatasetFormatException | IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    } catch (NoSuchFileException e) {
      throw new UsageException("no such file: " + e.getFile());
    }
    FlSimulateCommand.oneTorchThread();
    PrintWriter err = spec.commandLine().getErr();
    SensorDiscovery.Result found = SensorDiscovery.discover(meterOptions.discovery());
    try (Recording recording = Recording.start(storeOption, spec, RunKind.FL,
            "fl client, part " + part + " of " + dataset, Machine.of(found.machine()), "accuracy");
        Meter meter = meterOptions.meter(intensity, found).build();
        MeteredTraining work = new MeteredTraining(local, dataset, seed, part, meter);
        FederationChannel channel = FederationChannel.open(server, credentials, secret)) {
      say(err, String.format(Locale.ROOT, "part %s of %s (%s): %,d examples; server %s (%s)", part, dataset,
          partitioning.label(), local.size(), server, tlsCa != null || tls ? "TLS" : "plaintext"));
      Done done;
      EnergyReport whole;
      try (Measurement all = meter.start("fl client")) {
        done = new FederationClient(channel, work, retryFor, line -> say(err, line)).run();
        whole = all.stop();
      } catch (FederationException e) {
        recording.failed(e.getMessage());
        throw new UsageException(e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        recording.failed("interrupted");
        return 1;
      }
      recording.finish(whole, Map.of("accuracy", done.getFinalAccuracy(), "rounds", (double) done.getRounds()),
          end -> end.withUnit(new FunctionalUnit("federated training", 1)));
    }
    return 0;
  }

  private static void say(PrintWriter err, String line) {
    err.println("fl client: " + line);
    err.flush();
  }
}
