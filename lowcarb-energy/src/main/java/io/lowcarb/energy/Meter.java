package io.lowcarb.energy;

import io.lowcarb.energy.carbon.CarbonIntensityProvider;
import io.lowcarb.energy.carbon.ZoneTable;
import io.lowcarb.energy.sensor.ActivityProbe;
import io.lowcarb.energy.sensor.ActivitySource;
import io.lowcarb.energy.sensor.EnergySensor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Measures the energy and emissions of tasks. One daemon thread samples every sensor once per
 * interval (default 1 s); tasks are measured as differences of the cumulative counters, so any
 * number of tasks, nested or on several threads, cost nothing extra while they run.
 *
 * <pre>{@code
 * try (Meter meter = Meter.builder().zone("ES").build();
 *     Measurement m = meter.start("training")) {
 *   train();
 *   EnergyReport report = m.stop();
 * }
 * }</pre>
 */
public final class Meter implements AutoCloseable {
  private final Sampler sampler;
  private final Clock clock;
  private final Scope scope;
  private final Thread thread;
  private final Duration interval;
  private final List<Measurement> watched = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private Meter(Builder b) {
    this.clock = b.clock;
    this.scope = b.scope;
    this.interval = b.sampleInterval;
    this.sampler = new Sampler(b.clock, b.activity, b.sensors, b.intensity, b.pue, b.warnings);
    if (interval.isZero()) {
      thread = null; // sampled only when tasks start and stop, or by sampleNow()
    } else {
      thread = Thread.ofPlatform().daemon().name("lowcarb-sampler").unstarted(this::run);
      thread.start();
    }
  }

  /** A builder with the defaults: this machine's sensors, this JVM's process, the world average intensity. */
  public static Builder builder() {
    return new Builder();
  }

  private void run() {
    long period = interval.toNanos();
    long next = System.nanoTime() + period;
    while (!closed) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(Duration.ofNanos(wait));
        } catch (InterruptedException e) {
          return;
        }
      }
      next += period;
      if (closed) {
        return;
      }
      try {
        sampleNow();
      } catch (RuntimeException e) {
        // A failed sample must not stop sampling; the sampler records what it could not read.
        System.getLogger(Meter.class.getName()).log(System.Logger.Level.WARNING, "sample failed", e);
      }
    }
  }

  /** Samples every sensor now and notifies tasks that asked for progress. */
  public void sampleNow() {
    Totals totals = sampler.sample();
    for (Measurement m : watched) {
      m.progressIfDue(totals);
    }
  }

  /** Starts measuring a task. Close the returned measurement (or call {@code stop()}) to end it. */
  public Measurement start(String task) {
    if (closed) {
      throw new IllegalStateException("the meter is closed");
    }
    return new Measurement(this, Objects.requireNonNull(task, "task"), null, sampler.sample());
  }

  Sampler sampler() {
    return sampler;
  }

  Clock clock() {
    return clock;
  }

  Scope scope() {
    return scope;
  }

  void watch(Measurement m) {
    watched.add(m);
  }

  void unwatch(Measurement m) {
    watched.remove(m);
  }

  /** The sensors in use. */
  public List<EnergySensor> sensors() {
    return sampler.sensors();
  }

  /** The intensity provider in use. */
  public CarbonIntensityProvider intensity() {
    return sampler.intensity();
  }

  /** Machine energy per component since the meter started, in J, as of the last sample. */
  public Map<Component, Double> machineJoules() {
    return Reports.perComponent(sampler.sensors(), sampler.latest().machineJoules());
  }

  /** Machine emissions since the meter started, in gCO2e, as of the last sample. */
  public double machineGrams() {
    return sampler.latest().machineGrams();
  }

  /** Energy attributed to the measured process tree per component since the meter started, in J. */
  public Map<Component, Double> processJoules() {
    return Reports.perComponent(sampler.sensors(), sampler.latest().processJoules());
  }

  /** Emissions attributed to the measured process tree since the meter started, in gCO2e. */
  public double processGrams() {
    return sampler.latest().processGrams();
  }

  /** Machine power per component over the last interval, in W. */
  public Map<Component, Double> machineWatts() {
    return sampler.lastWatts();
  }

  /** Stops the sampling thread and releases the sensors (NVML). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    sampler.close();
  }

  /** Settings for a {@link Meter}. */
  public static final class Builder {
    private Clock clock = Clock.SYSTEM;
    private List<EnergySensor> sensors;
    private ActivitySource activity;
    private CarbonIntensityProvider intensity;
    private double pue = 1.0;
    private boolean pueGiven;
    private Scope scope = Scope.PROCESS;
    private Duration sampleInterval = Duration.ofSeconds(1);
    private long rootPid = ProcessHandle.current().pid();
    private List<String> warnings = List.of();

    private Builder() {}

    /** The clock; tests pass one they control. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** The sensors to read; by default those {@link SensorDiscovery} finds on this machine. */
    public Builder sensors(List<EnergySensor> sensors) {
      this.sensors = List.copyOf(sensors);
      return this;
    }

    /** Where machine and process activity come from; by default {@code /proc} for the root process. */
    public Builder activity(ActivitySource activity) {
      this.activity = Objects.requireNonNull(activity);
      return this;
    }

    /** The process whose tree is measured; by default this JVM. */
    public Builder process(long pid) {
      this.rootPid = pid;
      return this;
    }

    /** The carbon intensity provider; by default the built-in world average. */
    public Builder intensity(CarbonIntensityProvider intensity) {
      this.intensity = Objects.requireNonNull(intensity);
      return this;
    }

    /**
     * The zone's annual average from the built-in table; a cloud region also sets its PUE.
     *
     * @throws IllegalArgumentException for a zone the table does not know
     */
    public Builder zone(String zone) {
      var entry =
          ZoneTable.builtIn()
              .find(zone)
              .orElseThrow(() -> new IllegalArgumentException("unknown zone '" + zone + "'"));
      this.intensity = entry.provider();
      if (!pueGiven) {
        entry.pue().ifPresent(p -> this.pue = p); // a PUE given with pue() wins, whatever the order
      }
      return this;
    }

    /** Power usage effectiveness, >= 1 (1.0 on a local machine). */
    public Builder pue(double pue) {
      if (!(pue >= 1.0) || Double.isInfinite(pue)) {
        throw new IllegalArgumentException("PUE must be a number >= 1, got " + pue);
      }
      this.pue = pue;
      this.pueGiven = true;
      return this;
    }

    /** Whose energy reports describe: the process tree (default) or the machine. */
    public Builder scope(Scope scope) {
      this.scope = Objects.requireNonNull(scope);
      return this;
    }

    /** How often to sample, default 1 s; zero samples only when tasks start and stop. */
    public Builder sampleInterval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("the sample interval must not be negative");
      }
      this.sampleInterval = interval;
      return this;
    }

    /** Facts every report must carry, for example that a readable-looking sensor was not usable. */
    public Builder warnings(List<String> warnings) {
      this.warnings = List.copyOf(warnings);
      return this;
    }

    /** Starts the meter (and its sampling thread). */
    public Meter build() {
      if (intensity == null) {
        zone("WORLD");
      }
      if (sensors == null) {
        SensorDiscovery.Result found = SensorDiscovery.discover(SensorDiscovery.Options.defaults());
        sensors = found.sensors();
        warnings = java.util.stream.Stream.concat(warnings.stream(), found.warnings().stream()).toList();
      }
      if (activity == null) {
        activity = ActivityProbe.system(rootPid);
      }
      return new Meter(this);
    }
  }
}
