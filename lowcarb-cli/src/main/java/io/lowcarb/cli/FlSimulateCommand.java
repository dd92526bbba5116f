package io.lowcarb.cli;

import io.lowcarb.compress.prune.CheckpointFiles;
import io.lowcarb.energy.EnergyReport;
import io.lowcarb.energy.Measurement;
import io.lowcarb.energy.Meter;
import io.lowcarb.energy.SensorDiscovery;
import io.lowcarb.fl.NetworkEnergy;
import io.lowcarb.fl.codec.Compression;
import io.lowcarb.fl.partition.Partition;
import io.lowcarb.fl.report.FlResult;
import io.lowcarb.fl.sim.GridIntensity;
import io.lowcarb.fl.sim.Simulation;
import io.lowcarb.fl.sim.SimulationResult;
import io.lowcarb.fl.sim.SimulationSettings;
import io.lowcarb.track.Artifact;
import io.lowcarb.track.Footprint;
import io.lowcarb.track.FunctionalUnit;
import io.lowcarb.track.Machine;
import io.lowcarb.track.RunEnd;
import io.lowcarb.track.RunKind;
import io.lowcarb.train.data.Split;
import io.lowcarb.train.model.ModelSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lowcarb fl simulate}: a federation of N clients in one process, with its energy, bytes and CO2e per round. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Simulate federated training in one process: clients with their own data and grid zones, "
        + "local SGD metered (measured where a sensor can be read, else estimated), aggregation, compression, and CO2e per round.")
final class FlSimulateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--dataset", defaultValue = "digits", paramLabel = "digits|mnist|fashion-mnist|PATH.csv",
      description = "The data (default: the built-in digits set).")
  String dataset;

  @Option(names = "--clients", defaultValue = "10", description = "Clients in the federation (default 10).")
  int clients;

  @Option(names = "--fraction", defaultValue = "0.5", paramLabel = "F",
      description = "Share of the clients that train each round, in (0, 1] (default 0.5).")
  double fraction;

  @Option(names = "--min-clients", defaultValue = "1", paramLabel = "K", description = "Fewest clients a round (default 1).")
  int minClients;

  @Option(names = "--rounds", defaultValue = "20", description = "Most rounds (default 20).")
  int rounds;

  @Mixin FlRoundOptions round;

  @Option(names = "--partition", defaultValue = "iid", paramLabel = "iid|dirichlet:ALPHA|shards:K",
      description = "How the training data is dealt to clients (default iid).")
  String partition;

  @Option(names = "--compress", defaultValue = "none", paramLabel = "none|int8|topk:FRACTION",
      description = "How models and updates travel (default none: float32).")
  String compress;

  @Option(names = "--zones", split = ",", paramLabel = "ZONE,...",
      description = "Grid zones dealt to the clients in turn, intensities from the built-in table "
          + "(default: every client in --zone's, or --series', intensity).")
  List<String> zones = new ArrayList<>();

  @Option(names = "--zone-series", paramLabel = "ZONE=FILE",
      description = "An intensity series for a zone of --zones (an Electricity Maps CSV export or time,g_per_kwh); "
          + "the simulated clock then starts at the latest start of the series and advances one hour per round.")
  Map<String, Path> zoneSeries = new java.util.LinkedHashMap<>();

  @Option(names = "--target-accuracy", paramLabel = "0..1", description = "Stop once the global model's test accuracy reaches this.")
  Double targetAccuracy;

  @Option(names = "--test-fraction", defaultValue = "0.2", description = "Held out for testing, for digits and CSV (default 0.2).")
  double testFraction;

  @Option(names = "--seed", defaultValue = "42") long seed;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON.")
  Path json;

  @Option(names = "--out", defaultValue = "fl-out", paramLabel = "DIR",
      description = "The final global model goes here as a checkpoint (default fl-out).")
  Path out;

  @Mixin IntensityOptions intensityOptions;

  @Mixin MeterOptions meterOptions;

  @Mixin StoreOption storeOption;

  @Override
  public Integer call() throws IOException {
    SimulationSettings.Builder settings = settings();
    meterOptions.check();
    Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS);
    IntensityOptions.Choice intensity = intensityOptions.resolve(Instant.now());
    if (zones.isEmpty()) {
      if (!zoneSeries.isEmpty()) {
        throw new UsageException("--zone-series needs --zones");
      }
      settings.zones(List.of(intensity.provider().zone()))
          .intensity(GridIntensity.of(Map.of(intensity.provider().zone(), intensity.provider())));
    } else {
      ZoneSeries series = ZoneSeries.read(zoneSeries, zones, intensityOptions.seriesOptions());
      settings.zones(zones).intensity(series.intensity());
      start = series.start().orElse(start);
    }
    TrainingInput.Loaded loaded = round.load(dataset, testFraction, seed);
    Split data = loaded.data();
    ModelSpec modelSpec = loaded.spec();
    SimulationSettings s;
    try {
      s = settings.start(start).build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    oneTorchThread();
    return run(s, data, modelSpec, intensity);
  }

  private int run(SimulationSettings s, Split data, ModelSpec modelSpec, IntensityOptions.Choice intensity)
      throws IOException {
    SensorDiscovery.Result found = SensorDiscovery.discover(meterOptions.discovery());
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "fl: %s on %s, %d clients (%s), %s, %s, %s selection, up to %d rounds%n", modelSpec.name(),
        dataset, clients, s.partition().label(), s.strategy().label(), s.compression().label(), s.selection().label(),
        rounds);
    try (Recording recording = Recording.start(storeOption, spec, RunKind.FL,
        modelSpec.name() + " on " + dataset + ", " + clients + " clients", Machine.of(found.machine()), "accuracy")) {
      SimulationResult sim;
      EnergyReport whole;
      try (Meter meter = meterOptions.meter(intensity, found).build();
          Measurement all = meter.start("fl simulate")) {
        sim = recording.failOnError(() -> new Simulation(meter).run(data, modelSpec, s,
            new RecordedRounds(err, recording, rounds)));
        whole = all.stop();
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      Path checkpoint = CheckpointFiles.write(sim.model(), data.train().shape(), out, sim.result().rounds());
      FlResult r = sim.result();
      summary(err, sim, checkpoint);
      List<Artifact> files = new ArrayList<>(List.of(new Artifact("checkpoint", checkpoint.toString())));
      if (json != null) {
        r.writeJson(json);
        recording.ids().stamp(json); // the result's JSON is lowcarb-fl's: the run's ids go in after
        files.add(new Artifact("json", json.toAbsolutePath().toString()));
      }
      recording.end(RunEnd.finished(whole.end(), footprint(whole, r), Map.of("accuracy", r.finalAccuracy(),
              "rounds", (double) r.rounds(), "bytes_sent", (double) r.bytesSent(), "client_energy_kwh", r.energyKwh(),
              "network_kwh", r.networkKwh(), "co2_saved_vs_random_kg", r.co2SavedKg()))
          .withArtifacts(files).withUnit(new FunctionalUnit("federated training", 1)));
    }
    return 0;
  }

  private SimulationSettings.Builder settings() {
    if (clients < 1) {
      throw new UsageException("--clients must be >= 1, got " + clients);
    }
    if (!(fraction > 0 && fraction <= 1)) {
      throw new UsageException("--fraction must be in (0, 1], got " + fraction);
    }
    if (minClients < 0 || minClients > clients) {
      throw new UsageException("--min-clients must be between 0 and --clients (" + clients + "), got " + minClients);
    }
    if (rounds < 1) {
      throw new UsageException("--rounds must be positive, got " + rounds);
    }
    round.check();
    if (targetAccuracy != null && !(targetAccuracy > 0 && targetAccuracy <= 1)) {
      throw new UsageException("--target-accuracy must be in (0, 1], got " + targetAccuracy);
    }
    SimulationSettings.Builder b = SimulationSettings.builder().clients(clients).fraction(fraction)
        .minClients(minClients).rounds(rounds).localEpochs(round.localEpochs).batchSize(round.batchSize).learningRate(round.learningRate)
        .seed(seed);
    try {
      b.partition(Partition.parse(partition)).compression(Compression.parse(compress));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    b.strategy(round.strategy()).selection(round.selection());
    if (targetAccuracy != null) {
      b.targetAccuracy(targetAccuracy);
    }
    return b;
  }

  /** Small models in small batches run an order of magnitude faster on one PyTorch thread than on many. */
  static void oneTorchThread() {
    for (String p : List.of("ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads")) {
      if (System.getProperty(p) == null) {
        System.setProperty(p, "1");
      }
    }
  }

  private void summary(PrintWriter err, SimulationResult sim, Path checkpoint) {
    FlResult r = sim.result();
    err.printf(Locale.ROOT, "fl: final accuracy %.4f after %d rounds (%s)%n", r.finalAccuracy(), r.rounds(),
        sim.stoppedBecause());
    err.printf(Locale.ROOT, "fl: sent %.2f MB; client energy %s (%s, one meter for every client), network %s (%s: "
            + "%s kWh/GB)%n", r.bytesSent() / 1e6, Summary.energy(r.energyKwh() * 3.6e6), BasisText.of(r.energyBasis()),
        Summary.energy(r.networkKwh() * 3.6e6), NetworkEnergy.BASIS, NetworkEnergy.KWH_PER_GB);
    // Clients all in one zone save nothing; what is left is rounding (below a microgram).
    double saved = Math.abs(r.co2SavedKg()) < 1e-9 ? 0 : r.co2SavedKg();
    err.printf(Locale.ROOT, "fl: CO2e %s (%s); CO2e saved vs random selection %s (estimate)%n",
        Summary.grams(r.emissionsKg() * 1000), BasisText.of(r.totalBasis()), Summary.grams(saved * 1000));
    err.println("fl: checkpoint " + checkpoint);
  }

  /**
   * The run's footprint: the energy the meter measured for the whole simulation (clients' training,
   * aggregation and evaluation, in this process), and the emissions of the federation (each client's
   * energy at its zone's intensity, plus the network's estimate).
   */
  private Footprint footprint(EnergyReport whole, FlResult r) {
    Footprint f = Footprint.of(whole);
    double kwh = r.energyKwh() + r.networkKwh();
    double g = kwh > 0 ? r.emissionsKg() * 1000 / kwh : f.intensityGPerKwh();
    String zone = zones.isEmpty() ? f.zone() : String.join(",", zones);
    String source = zones.isEmpty() ? f.intensitySource() : "built-in table, per client zone";
    return new Footprint(f.energy(), f.kwh(), r.emissionsKg(), g, zone, source, f.intensityKind(), f.pue());
  }
}
