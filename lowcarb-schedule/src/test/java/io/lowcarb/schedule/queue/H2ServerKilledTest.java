package io.lowcarb.schedule.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On H2 the first process to open the file serves it to the others. When that process is a
 * worker and is killed, the others go on: the next to connect opens the file itself.
 */
class H2ServerKilledTest {
  @TempDir Path dir;

  @Test
  @SuppressWarnings("try") // the second worker runs while the queue is watched
  void theQueueOutlivesTheWorkerProcessThatServedItsFile() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("queue") + ";AUTO_SERVER=TRUE";
    List<String> names = IntStream.rangeClosed(1, 3).mapToObj(i -> "job-" + i).toList();
    try (JobQueue queue = JobQueue.open(url)) {
      for (String name : names) {
        queue.submit(Jobs.shell(name, "sleep 2; echo " + name + " >> marker", dir, Instant.now()));
      }
    } // closed: no process has the file open now

    ChildWorker first = ChildWorker.start(url, dir, 1); // opens the file first, so serves it
    try (JobQueue queue = JobQueue.open(url)) {
      Job killed;
      try {
        killed =
            Jobs.await(queue, Duration.ofSeconds(30), "a job to run", jobs -> jobs.stream().anyMatch(H2ServerKilledTest::running))
                .stream()
                .filter(H2ServerKilledTest::running)
                .findFirst()
                .orElseThrow();
        // Committed through the worker's server just before the kill: it must not be lost.
        queue.submit(Jobs.shell("late", "echo late >> marker", dir, Instant.now()));
      } finally {
        first.kill();
      }

      assertThat(queue.get(killed.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
      assertThat(queue.list()).extracting(Job::name).contains("late");
      try (ChildWorker second = ChildWorker.start(url, dir, 2)) {
        Jobs.awaitFinished(queue, Duration.ofSeconds(60));
      }

      List<Job> jobs = queue.list();
      assertThat(Files.readAllLines(dir.resolve("marker")))
          .containsExactlyInAnyOrderElementsOf(Stream.concat(names.stream(), Stream.of("late")).toList());
      assertThat(jobs).hasSize(names.size() + 1).allSatisfy(j -> assertThat(j.state()).isEqualTo(JobState.DONE));
      assertThat(queue.get(killed.id()).orElseThrow().attempts()).isEqualTo(2);
    }
  }

  private static boolean running(Job job) {
    return job.state() == JobState.RUNNING && job.started().orElseThrow().plusMillis(300).isBefore(Instant.now());
  }
}
