package io.lowcarb.cli;

import io.lowcarb.energy.SensorDiscovery;
import io.lowcarb.energy.carbon.SeriesFiles;
import io.lowcarb.energy.net.TlsIdentity;
import io.lowcarb.schedule.api.CarbonAwareServer;
import io.lowcarb.schedule.api.Catalog;
import io.lowcarb.schedule.api.ForecastSource;
import io.lowcarb.schedule.api.QueueJobs;
import io.lowcarb.schedule.provider.ForecastingProvider;
import io.lowcarb.schedule.provider.ProviderException;
import io.lowcarb.schedule.provider.Providers;
import io.lowcarb.schedule.queue.CommandRunner;
import io.lowcarb.schedule.queue.JobQueue;
import io.lowcarb.schedule.queue.JobRunner;
import io.lowcarb.schedule.queue.Worker;
import io.lowcarb.schedule.queue.WorkerSettings;
import io.lowcarb.track.Machine;
import io.lowcarb.track.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lowcarb scheduler serve}: a worker that runs the queue's jobs at their planned windows,
 * measured, and the Carbon Aware SDK-compatible HTTP API over the given series.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run queued jobs at their windows (several processes may share one PostgreSQL queue), and serve",
      "the Carbon Aware SDK-compatible HTTP API; /jobs accepts submissions with the bearer token in",
      "LOWCARB_API_TOKEN, and shows command lines only to callers with it. Plaintext is served on loopback",
      "only: elsewhere give --tls-cert and --tls-key (or --insecure). Stops on Ctrl-C or SIGTERM, putting",
      "running jobs back in the queue."
    })
final class SchedulerServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin QueueOption queueOption;

  @Mixin StoreOption storeOption;

  @Mixin MeterOptions meterOptions;

  @Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "Jobs run at once (default 1).")
  int threads;

  @Option(names = "--series", paramLabel = "ZONE=FILE",
      description = "A location for the API and for jobs submitted over HTTP, with its intensity series; repeatable.")
  List<String> series = new ArrayList<>();

  @Option(names = "--location", paramLabel = "ZONE=SOURCE",
      description = "A location served from a live API (electricitymaps, watttime or uk) and its forecast; repeatable.")
  List<String> live = new ArrayList<>();

  @Option(names = "--api-host", defaultValue = "127.0.0.1", paramLabel = "HOST", description = "Default 127.0.0.1.")
  String host;

  @Option(names = "--api-port", defaultValue = "8080", paramLabel = "PORT", description = "Default 8080; 0 picks a free one.")
  int port;

  @Mixin ServerTlsOptions tls;

  @Option(names = "--no-api", description = "Run jobs only.")
  boolean noApi;

  @Override
  public Integer call() throws Exception {
    meterOptions.check();
    if (threads < 1) {
      throw new UsageException("--threads must be at least 1, got " + threads);
    }
    if (port < 0 || port > 65535) {
      throw new UsageException("--api-port must be 0 to 65535, got " + port);
    }
    PrintWriter err = spec.commandLine().getErr();
    // before the queue opens or the API binds: a refusal leaves nothing behind
    Optional<TlsIdentity> identity = noApi ? Optional.empty() : tls.identity(host, err, "scheduler serve");
    Map<String, Path> files = new LinkedHashMap<>();
    for (String s : series) {
      int eq = s.indexOf('=');
      if (eq <= 0 || eq == s.length() - 1) {
        throw new UsageException("--series takes ZONE=FILE, got '" + s + "'");
      }
      Path file = Path.of(s.substring(eq + 1));
      if (!Files.isReadable(file)) {
        throw new UsageException("cannot read series file " + file);
      }
      files.put(s.substring(0, eq), file);
    }
    Catalog catalog;
    try {
      List<Catalog.Location> locations = new ArrayList<>(Catalog.fromSeriesFiles(files, SeriesFiles.Basis.LCA).locations());
      for (String l : live) {
        int eq = l.indexOf('=');
        if (eq <= 0 || eq == l.length() - 1) {
          throw new UsageException("--location takes ZONE=SOURCE, got '" + l + "'");
        }
        ForecastingProvider provider = Providers.create(l.substring(eq + 1), l.substring(0, eq));
        locations.add(new Catalog.Location(l.substring(0, eq), provider,
            ForecastSource.live(provider, InstantSource.system())));
      }
      catalog = new Catalog(locations);
    } catch (IOException | IllegalArgumentException | ProviderException e) {
      throw new UsageException(e.getMessage());
    }
    SensorDiscovery.Result found = SensorDiscovery.discover(meterOptions.discovery());
    JobRunner runner = CommandRunner.metered(job -> {
      IntensityOptions intensity = new IntensityOptions();
      intensity.zone = job.request().zone();
      intensity.basis = "lca";
      IntensityOptions.Choice choice;
      try {
        choice = intensity.resolve(Instant.now());
      } catch (UsageException e) {
        intensity.zone = null; // a zone outside the table: the world average, labelled as such
        choice = intensity.resolve(Instant.now());
      }
      return meterOptions.meter(choice, found);
    });
    RunStore runs = storeOption.openForRecording().orElse(null);
    if (runs != null) {
      runner = new RecordedJobs(runner, runs, Machine.of(found.machine()), err);
    }
    WorkerSettings defaults = WorkerSettings.defaults();
    WorkerSettings settings = new WorkerSettings(threads, defaults.pollingInterval(), defaults.heartbeatInterval(),
        defaults.missedHeartbeats(), defaults.stopWait(), defaults.logDirectory());
    CountDownLatch stopped = new CountDownLatch(1);
    JobQueue queue = queueOption.open();
    Worker worker = queue.serve(runner, settings);
    CarbonAwareServer server;
    try {
      server = noApi ? null : server(catalog, queue, identity);
    } catch (IOException e) {
      worker.close();
      queue.close();
      throw new UsageException("cannot serve the API on " + host + ":" + port + ": " + e.getMessage());
    }
    err.println("scheduler: running jobs from " + queue.url() + " with " + threads + " thread(s); logs in "
        + settings.logDirectory());
    if (server != null) {
      err.println("scheduler: API on " + server.uri() + " (" + catalog.locations().size() + " location(s); /jobs "
          + (System.getenv("LOWCARB_API_TOKEN") == null ? "off: set LOWCARB_API_TOKEN to accept jobs over HTTP" : "on")
          + ")");
    }
    // The JVM does not wait for this thread once the hooks are done: stop everything in the hook.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (server != null) {
        server.close();
      }
      worker.close(); // running jobs get their stop wait, then go back to the queue
      queue.close();
      if (runs != null) {
        runs.close();
      }
      stopped.countDown();
    }, "lowcarb-stop"));
    stopped.await();
    return 0;
  }

  private CarbonAwareServer server(Catalog catalog, JobQueue queue, Optional<TlsIdentity> identity) throws IOException {
    CarbonAwareServer.Builder builder = CarbonAwareServer.builder(catalog).host(host).port(port);
    identity.ifPresent(builder::tls);
    String token = System.getenv("LOWCARB_API_TOKEN");
    if (token != null && !token.isBlank()) {
      builder.jobs(new QueueJobs(queue, catalog, InstantSource.system(), Path.of("")), token);
    }
    return builder.start();
  }
}
