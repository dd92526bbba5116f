package io.lowcarb.schedule.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker process is killed (SIGKILL) while a job runs; a new one takes over. Every job must
 * run to completion exactly once, the killed one as its second attempt, and none may be lost.
 */
abstract class KillRestartScenario {
  @TempDir Path dir;

  /** The queue's database, fresh for each test. */
  abstract String url() throws Exception;

  @Test
  void aKilledWorkersJobRunsAgainAndEveryJobCompletesOnce() throws Exception {
    String url = url();
    try (JobQueue queue = JobQueue.open(url)) {
      Instant now = Instant.now();
      List<String> names = IntStream.rangeClosed(1, 4).mapToObj(i -> "job-" + i).toList();
      for (String name : names) {
        queue.submit(Jobs.shell(name, "sleep 2; echo " + name + " >> marker", dir, now));
      }

      ChildWorker first = ChildWorker.start(url, dir, 1);
      Job killed;
      try {
        // Killed well inside the job's two seconds of sleep, long before its echo.
        killed =
            Jobs.await(queue, Duration.ofSeconds(30), "a job to run for 300 ms",
                    jobs -> jobs.stream().anyMatch(KillRestartScenario::runningForAWhile))
                .stream()
                .filter(KillRestartScenario::runningForAWhile)
                .findFirst()
                .orElseThrow();
      } finally {
        first.kill();
      }
      assertThat(killed.worker()).contains(first.name());
      assertThat(queue.get(killed.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);

      List<Job> jobs;
      try (ChildWorker second = ChildWorker.start(url, dir, 2)) {
        jobs = Jobs.awaitFinished(queue, Duration.ofSeconds(60));
        assertThat(jobs).allSatisfy(j -> assertThat(j.worker()).contains(second.name()));
      }

      assertThat(Files.readAllLines(dir.resolve("marker"))).containsExactlyInAnyOrderElementsOf(names);
      assertThat(jobs).hasSize(names.size()).allSatisfy(j -> assertThat(j.state()).isEqualTo(JobState.DONE));
      for (Job job : jobs) {
        assertThat(job.attempts()).as(job.name()).isEqualTo(job.id() == killed.id() ? 2 : 1);
      }
      assertThat(Files.readString(dir.resolve("logs").resolve("job-" + killed.id() + ".log")))
          .contains("attempt 1, ")
          .contains("attempt 2, ");
    }
  }

  private static boolean runningForAWhile(Job job) {
    return job.state() == JobState.RUNNING
        && job.started().orElseThrow().plusMillis(300).isBefore(Instant.now());
  }
}
