package io.lowcarb.schedule.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker in this process serving an H2 file queue. */
class ServeTest {
  @TempDir Path dir;
  private JobQueue queue;

  @BeforeEach
  void open() {
    queue = JobQueue.open("jdbc:h2:file:" + dir.resolve("queue") + ";AUTO_SERVER=TRUE");
  }

  @AfterEach
  void close() {
    if (queue != null) { // null where open() failed
      queue.close();
    }
  }

  @Test
  void jobsRunOnceEachAtTheirPlannedStartsInTimeOrder() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    // Submitted out of order; planned now and a few seconds ahead.
    long[] offsetsMs = {3000, 0, 4500, 1500};
    for (int i = 0; i < offsetsMs.length; i++) {
      String name = "job-" + offsetsMs[i];
      queue.submit(Jobs.shell(name, "echo " + name + " >> order", dir, now.plusMillis(offsetsMs[i])));
    }
    Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
    CommandRunner commands = CommandRunner.plain();
    JobRunner counting =
        (job, log) -> {
          runs.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
          return commands.run(job, log);
        };

    List<Job> jobs;
    try (Worker worker = queue.serve(counting, Jobs.fast(dir.resolve("logs")).withThreads(2))) {
      jobs = Jobs.awaitFinished(queue, Duration.ofSeconds(20));
      assertThat(jobs).allSatisfy(j -> assertThat(j.worker()).contains(worker.name()));
    }

    assertThat(Files.readAllLines(dir.resolve("order"))).containsExactly("job-0", "job-1500", "job-3000", "job-4500");
    assertThat(runs.values()).hasSize(4).allSatisfy(n -> assertThat(n).hasValue(1));
    assertThat(jobs).extracting(Job::name).containsExactly("job-0", "job-1500", "job-3000", "job-4500");
    assertThat(jobs).isSortedAccordingTo(Comparator.comparing(j -> j.started().orElseThrow()));
    for (Job job : jobs) {
      Instant planned = job.window().start();
      Instant started = job.started().orElseThrow();
      assertThat(job.state()).as(job.name()).isEqualTo(JobState.DONE);
      assertThat(job.attempts()).isEqualTo(1);
      assertThat(job.exitCode()).hasValue(0);
      assertThat(started).as(job.name() + " starts at or after its planned start").isAfterOrEqualTo(planned);
      assertThat(Duration.between(planned, started)).as(job.name() + " starts soon after").isLessThan(Duration.ofSeconds(4));
      assertThat(job.ended().orElseThrow()).isAfterOrEqualTo(started);
      assertThat(job.window().plannedGPerKwh()).isEqualTo(120.0);
      assertThat(job.window().runNowGPerKwh()).isEqualTo(380.0);
      assertThat(Files.readString(job.log().orElseThrow()))
          .startsWith("--- lowcarb job " + job.id() + " '" + job.name() + "', attempt 1, ");
    }
  }

  @Test
  @SuppressWarnings("try") // the worker runs while the queue is watched
  void aFailingCommandFailsWithItsExitCodeAndOutputInTheLog() throws Exception {
    Job job = queue.submit(Jobs.shell("fails", "echo trouble; exit 3", dir, Instant.now()));

    try (Worker worker = queue.serve(CommandRunner.plain(), Jobs.fast(dir.resolve("logs")))) {
      Jobs.awaitFinished(queue, Duration.ofSeconds(15));
    }

    Job failed = queue.get(job.id()).orElseThrow();
    assertThat(failed.state()).isEqualTo(JobState.FAILED);
    assertThat(failed.exitCode()).hasValue(3);
    assertThat(Files.readAllLines(failed.log().orElseThrow())).last().isEqualTo("trouble");
  }

  @Test
  @SuppressWarnings("try") // the workers run while the queue is watched
  void aJobStillRunningWhenItsWorkerStopsGoesBackToTheQueueAndRunsAgain() throws Exception {
    // The first attempt leaves a mark and sleeps past the stop; the second finishes at once.
    String script = "if [ -e first ]; then echo second >> marker; else touch first; sleep 30; echo first >> marker; fi";
    Job job = queue.submit(Jobs.shell("long", script, dir, Instant.now()));
    WorkerSettings settings = Jobs.fast(dir.resolve("logs")).withStopWait(Duration.ofMillis(500));

    try (Worker worker = queue.serve(CommandRunner.plain(), settings)) {
      Jobs.await(queue, Duration.ofSeconds(15), "the job to run", jobs -> jobs.getFirst().state() == JobState.RUNNING);
    }
    Job stopped = Jobs.await(queue, Duration.ofSeconds(10), "the job to go back to the queue",
        jobs -> jobs.getFirst().state() == JobState.QUEUED).getFirst();
    assertThat(stopped.attempts()).isEqualTo(1);
    assertThat(stopped.error().orElseThrow()).startsWith("attempt 1 stopped when worker ");

    try (Worker worker = queue.serve(CommandRunner.plain(), settings)) {
      Jobs.awaitFinished(queue, Duration.ofSeconds(15));
    }

    Job done = queue.get(job.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(JobState.DONE);
    assertThat(done.attempts()).isEqualTo(2);
    assertThat(Files.readAllLines(dir.resolve("marker"))).containsExactly("second");
  }
}
