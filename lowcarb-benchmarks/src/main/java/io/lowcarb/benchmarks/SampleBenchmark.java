package io.lowcarb.benchmarks;

import io.lowcarb.energy.Meter;
import io.lowcarb.energy.SensorDiscovery;
import io.lowcarb.energy.proc.ProcFs;
import io.lowcarb.energy.proc.ProcessTree;
import io.lowcarb.energy.proc.Sysconf;
import io.lowcarb.energy.sensor.ActivityProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of one sample on this machine: reading {@code /proc} for the machine and the measured
 * process tree, and every sensor discovery picked. The meter does this once per interval (1 s by
 * default), so the time per sample divided by the interval is the meter's CPU overhead.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SampleBenchmark {
  private Meter meter;
  private ActivityProbe probe;

  @Setup(Level.Trial)
  public void setUp() {
    var found = SensorDiscovery.discover(SensorDiscovery.Options.defaults());
    meter = Meter.builder().sensors(found.sensors()).sampleInterval(Duration.ZERO).build();
    ProcFs proc = ProcFs.system();
    int self = (int) ProcessHandle.current().pid();
    probe = new ActivityProbe(proc, new ProcessTree(proc, self, self), Sysconf.clockTicksPerSecond(), Sysconf.pageSize());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    meter.close();
  }

  /** One full sample: activity, every sensor, emissions. */
  @Benchmark
  public void sample() {
    meter.sampleNow();
  }

  /** Only the {@code /proc} reading part. */
  @Benchmark
  public Object activity() {
    return probe.next(java.time.Instant.EPOCH, 1.0);
  }
}
