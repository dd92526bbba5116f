package io.lowcarb.schedule.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lowcarb.schedule.queue.JobQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /jobs} over a real queue on an H2 file: submissions are planned at the greenest window. */
class QueueJobsTest {
  @TempDir Path dir;

  @Test
  void plansEachSubmissionAtTheGreenestWindowAndCancels() {
    Catalog catalog = Catalog.ofSeries(Map.of("ES", Hourly.series("ES", 300, 280, 90, 80, 400, 500)));
    try (JobQueue queue = JobQueue.open("jdbc:h2:file:" + dir.resolve("q") + ";AUTO_SERVER=TRUE")) {
      QueueJobs jobs = new QueueJobs(queue, catalog, InstantSource.fixed(Hourly.at(0.5)), dir);
      JobView view = jobs.submit(new JobRequest("train", List.of("true"), "es", Duration.ofHours(2), Hourly.at(6), false));
      assertThat(view.plannedStart()).isEqualTo(Hourly.at(2));
      assertThat(view.state()).isEqualTo("QUEUED");
      assertThat(queue.get(Long.parseLong(view.id())).orElseThrow().request().window().plannedGPerKwh()).isEqualTo(85);
      assertThat(jobs.list()).extracting(JobView::id).containsExactly(view.id());

      assertThatThrownBy(() -> jobs.submit(new JobRequest("x", List.of("true"), "FR", Duration.ofHours(1), Hourly.at(6), false)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown location 'FR'");
      assertThatThrownBy(() -> jobs.submit(new JobRequest("x", List.of("true"), "ES", Duration.ofHours(1), Hourly.at(0), false)))
          .hasMessageContaining("in the past");
      assertThat(jobs.cancel("999")).isFalse();
      assertThat(jobs.cancel("not-a-number")).isFalse();
      assertThat(jobs.cancel(view.id())).isTrue();
      assertThat(jobs.list().getFirst().state()).isEqualTo("CANCELLED");
    }
  }
}
