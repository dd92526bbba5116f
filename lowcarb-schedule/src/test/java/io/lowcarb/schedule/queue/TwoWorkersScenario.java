package io.lowcarb.schedule.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two worker processes, this one and a child, serve one queue at once: each job runs once. */
abstract class TwoWorkersScenario {
  @TempDir Path dir;

  /** The queue's database, fresh for each test. */
  abstract String url() throws Exception;

  @Test
  void everyJobRunsExactlyOnceAcrossTwoWorkerProcesses() throws Exception {
    String url = url();
    try (JobQueue queue = JobQueue.open(url)) {
      Map<Long, AtomicInteger> localRuns = new ConcurrentHashMap<>();
      CommandRunner commands = CommandRunner.plain();
      JobRunner counting =
          (job, log) -> {
            localRuns.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
            return commands.run(job, log);
          };
      List<String> names = IntStream.rangeClosed(1, 16).mapToObj(i -> "job-" + i).toList();
      List<Job> jobs;
      try (ChildWorker child = ChildWorker.start(url, dir, 2);
          Worker local = queue.serve(counting, Jobs.fast(dir.resolve("logs")).withThreads(2))) {
        // Due together, a second from now: both workers are polling by then.
        Instant start = Instant.now().plusSeconds(1);
        for (int i = 0; i < names.size(); i++) {
          String name = names.get(i);
          queue.submit(Jobs.shell(name, "echo " + name + " >> marker; sleep 0.3", dir, start.plusMillis(100L * (i % 4))));
        }
        jobs = Jobs.awaitFinished(queue, Duration.ofSeconds(60));

        Map<String, Long> perWorker =
            jobs.stream().collect(Collectors.groupingBy(j -> j.worker().orElseThrow(), Collectors.counting()));
        assertThat(perWorker).as("jobs per worker").containsOnlyKeys(child.name(), local.name());
        assertThat(localRuns).hasSize(perWorker.get(local.name()).intValue());
      }

      assertThat(Files.readAllLines(dir.resolve("marker"))).containsExactlyInAnyOrderElementsOf(names);
      assertThat(queue.list()).hasSize(names.size());
      assertThat(jobs).allSatisfy(j -> {
        assertThat(j.state()).isEqualTo(JobState.DONE);
        assertThat(j.attempts()).isEqualTo(1);
      });
      assertThat(localRuns.values()).allSatisfy(n -> assertThat(n).hasValue(1));
    }
  }
}
