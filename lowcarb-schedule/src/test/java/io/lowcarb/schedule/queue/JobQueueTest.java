package io.lowcarb.schedule.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submitting, listing and cancelling on an H2 file, without workers. */
class JobQueueTest {
  @TempDir Path dir;
  private String url;
  private JobQueue queue;
  private final Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);

  /** The queue's database, fresh for each test. */
  String url() throws Exception {
    return "jdbc:h2:file:" + dir.resolve("queue") + ";AUTO_SERVER=TRUE";
  }

  @BeforeEach
  void open() throws Exception {
    url = url();
    queue = JobQueue.open(url);
  }

  @AfterEach
  void close() {
    if (queue != null) { // null where open() was skipped or failed
      queue.close();
    }
  }

  @Test
  void aSubmittedJobIsStoredWithItsTaskDueAtThePlannedStart() throws SQLException {
    JobRequest request = Jobs.shell("train", "echo hi", dir, later);

    Job job = queue.submit(request);

    assertThat(job.request()).isEqualTo(request);
    assertThat(job.state()).isEqualTo(JobState.QUEUED);
    assertThat(job.attempts()).isZero();
    assertThat(job.started()).isEmpty();
    assertThat(job.exitCode()).isEmpty();
    assertThat(job.footprint()).isEmpty();
    assertThat(queue.get(job.id())).contains(job);
    assertThat(taskInstances()).containsExactly(job.id() + "@" + later);
  }

  @Test
  void listIsInPlannedOrder() {
    Job second = queue.submit(Jobs.shell("second", "true", dir, later.plusSeconds(60)));
    Job first = queue.submit(Jobs.shell("first", "true", dir, later));

    assertThat(queue.list()).extracting(Job::id).containsExactly(first.id(), second.id());
    assertThat(queue.get(12345)).isEmpty();
  }

  @Test
  void reopeningKeepsTheJobsAndTheTables() {
    Job job = queue.submit(Jobs.shell("kept", "true", dir, later));
    queue.close();

    queue = JobQueue.open(url);

    assertThat(queue.list()).containsExactly(job);
  }

  @Test
  void aJobIsNeverStoredWithoutItsTask() throws SQLException {
    queue.submit(Jobs.shell("before", "true", dir, later));
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("alter table scheduled_tasks rename to gone"); // scheduling now fails
    }

    assertThatThrownBy(() -> queue.submit(Jobs.shell("lost", "true", dir, later)))
        .isInstanceOf(RuntimeException.class);

    assertThat(queue.list()).extracting(Job::name).containsExactly("before");
  }

  @Test
  void cancellingRemovesTheTaskAndMarksTheJob() throws SQLException {
    Job kept = queue.submit(Jobs.shell("kept", "true", dir, later));
    Job job = queue.submit(Jobs.shell("unwanted", "true", dir, later));

    Job cancelled = queue.cancel(job.id());

    assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
    assertThat(cancelled.ended()).isPresent();
    assertThat(taskInstances()).containsExactly(kept.id() + "@" + later);
    assertThat(queue.cancel(job.id())).isEqualTo(cancelled); // again: no change
  }

  @Test
  void runningFinishedOrUnknownJobsCannotBeCancelled() throws SQLException {
    Job running = queue.submit(Jobs.shell("running", "true", dir, later));
    Job done = queue.submit(Jobs.shell("done", "true", dir, later));
    setState(running.id(), "running");
    setState(done.id(), "done");

    assertThatThrownBy(() -> queue.cancel(running.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("job " + running.id() + " is running (on a worker) and cannot be cancelled");
    assertThatThrownBy(() -> queue.cancel(done.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("job " + done.id() + " has already run (done) and cannot be cancelled");
    assertThatThrownBy(() -> queue.cancel(999))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no job 999 in the queue");
    assertThat(queue.get(running.id()).map(Job::state)).contains(JobState.RUNNING);
  }

  @Test
  void urlsOtherThanH2AndPostgresqlAreRefusedWithoutShowingPasswords() {
    assertThatThrownBy(() -> JobQueue.open("jdbc:mysql://db/q?user=a&password=secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported job queue URL 'jdbc:mysql://db/q?user=a&password=***':"
            + " use jdbc:h2:file:... or jdbc:postgresql://...");
  }

  @Test
  void anUnreachableDatabaseIsNamedWithoutItsPassword() {
    assertThatThrownBy(() -> JobQueue.open("jdbc:postgresql://127.0.0.1:1/q?user=a&password=secret"))
        .isInstanceOf(QueueException.class)
        .hasMessageStartingWith("cannot open the job queue at jdbc:postgresql://127.0.0.1:1/q?user=a&password=***: ")
        .hasMessageNotContaining("secret");
  }

  private List<String> taskInstances() throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement s =
            c.prepareStatement("select task_instance, execution_time from scheduled_tasks where task_name = ?")) {
      s.setString(1, JobQueue.TASK);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1) + "@" + rs.getObject(2, OffsetDateTime.class).toInstant());
        }
      }
    }
    return found;
  }

  private void setState(long id, String state) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement s = c.prepareStatement("update lowcarb_jobs set state = ? where id = ?")) {
      s.setString(1, state);
      s.setLong(2, id);
      s.executeUpdate();
    }
  }
}
