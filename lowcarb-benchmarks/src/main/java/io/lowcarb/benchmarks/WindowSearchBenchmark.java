package io.lowcarb.benchmarks;

import io.lowcarb.energy.carbon.SeriesFiles;
import io.lowcarb.schedule.window.BestWindow;
import io.lowcarb.schedule.window.Slots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Best windows for 10,000 jobs over one year of hourly intensity (ES 2023 from the shared traces,
 * {@code -Dlowcarb.series=FILE} for another): each job between 30 minutes and 8 hours, with 0 to
 * 48 hours of slack. One operation plans all 10,000 jobs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WindowSearchBenchmark {
  private static final int JOBS = 10_000;

  private BestWindow search;
  private Instant[] earliest;
  private Instant[] deadline;
  private Duration[] duration;

  @Setup
  public void setUp() throws Exception {
    Path file = Path.of(System.getProperty("lowcarb.series", "../shared/data/carbon-intensity/ES_2023_hourly.csv"));
    if (!Files.exists(file)) {
      throw new IllegalStateException("no series at " + file.toAbsolutePath() + "; pass -Dlowcarb.series=FILE");
    }
    Slots slots = Slots.from(SeriesFiles.read(file, SeriesFiles.Basis.LCA).points());
    search = new BestWindow(slots);
    Random random = new Random(1);
    earliest = new Instant[JOBS];
    deadline = new Instant[JOBS];
    duration = new Duration[JOBS];
    long lastStart = slots.size() - 60;
    for (int i = 0; i < JOBS; i++) {
      duration[i] = Duration.ofMinutes(30 + random.nextInt(451));
      earliest[i] = slots.start().plus(Duration.ofMinutes(random.nextLong(lastStart * 60)));
      deadline[i] = earliest[i].plus(duration[i]).plus(Duration.ofMinutes(random.nextInt(48 * 60 + 1)));
    }
  }

  @Benchmark
  public void contiguous(Blackhole bh) {
    for (int i = 0; i < JOBS; i++) {
      bh.consume(search.contiguous(earliest[i], deadline[i], duration[i]));
    }
  }

  @Benchmark
  public void interruptible(Blackhole bh) {
    for (int i = 0; i < JOBS; i++) {
      // Whole slots only: skip the few jobs whose window holds fewer whole hours than they need.
      Instant from = earliest[i];
      Instant to = deadline[i];
      long slots = Duration.between(from.plusSeconds(3599), to).toHours();
      if (slots >= (duration[i].toMinutes() + 59) / 60) {
        bh.consume(search.interruptible(from, to, duration[i], Duration.ofHours(1), Duration.ofMinutes(15)));
      }
    }
  }
}
