package io.lowcarb.schedule.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a worker does with a picked job, whatever state the job row is in. */
class JobHandlerTest {
  @TempDir Path dir;
  private JobQueue queue;
  private Database db;
  private final AtomicInteger runs = new AtomicInteger();

  @BeforeEach
  void open() {
    String url = "jdbc:h2:file:" + dir.resolve("queue") + ";AUTO_SERVER=TRUE";
    queue = JobQueue.open(url);
    db = Database.open(url);
  }

  @AfterEach
  void close() {
    // Either may be null where open() failed half-way.
    if (db != null) {
      db.close();
    }
    if (queue != null) {
      queue.close();
    }
  }

  private JobHandler handler(JobRunner runner) {
    JobRunner counted =
        (job, log) -> {
          runs.incrementAndGet();
          return runner.run(job, log);
        };
    return new JobHandler(db, counted, dir.resolve("logs"), "test-worker", InstantSource.system());
  }

  private Job submit(String name) {
    return queue.submit(Jobs.shell(name, "true", dir, Instant.now()));
  }

  @Test
  void aQueuedJobRunsOnceAndItsOutcomeIsRecorded() {
    Job job = submit("measured");
    JobHandler handler = handler((j, log) -> new JobOutcome(0, Optional.of(new Footprint(0.5, 100, 200))));

    handler.run(job.id());
    handler.run(job.id()); // picked a second time: already done

    Job done = queue.get(job.id()).orElseThrow();
    assertThat(runs).hasValue(1);
    assertThat(done.state()).isEqualTo(JobState.DONE);
    assertThat(done.attempts()).isEqualTo(1);
    assertThat(done.exitCode()).hasValue(0);
    assertThat(done.footprint()).contains(new Footprint(0.5, 100, 200));
    assertThat(done.log()).contains(dir.resolve("logs").resolve("job-" + job.id() + ".log"));
    assertThat(done.worker()).contains("test-worker");
    assertThat(done.started()).isPresent();
    assertThat(done.ended().orElseThrow()).isAfterOrEqualTo(done.started().orElseThrow());
    assertThat(done.error()).isEmpty();
  }

  @Test
  void finishedAndCancelledJobsAreLeftAlone() throws SQLException {
    Job failed = submit("failed");
    Job cancelled = submit("cancelled");
    handler((j, log) -> JobOutcome.unmeasured(3)).run(failed.id());
    queue.cancel(cancelled.id());
    runs.set(0);

    JobHandler handler = handler((j, log) -> JobOutcome.unmeasured(0));
    handler.run(failed.id());
    handler.run(cancelled.id());
    handler.run(424242); // no such job

    assertThat(runs).hasValue(0);
    assertThat(queue.get(failed.id()).orElseThrow().exitCode()).hasValue(3);
    assertThat(queue.get(failed.id()).orElseThrow().state()).isEqualTo(JobState.FAILED);
    assertThat(queue.get(cancelled.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
  }

  @Test
  void aJobThatCannotBeStartedFailsWithTheReason() {
    Job job = submit("missing");

    handler((j, log) -> {
          throw new IOException("cannot start 'nope': no such executable on PATH");
        })
        .run(job.id());

    Job failed = queue.get(job.id()).orElseThrow();
    assertThat(failed.state()).isEqualTo(JobState.FAILED);
    assertThat(failed.exitCode()).isEmpty();
    assertThat(failed.error()).contains("cannot run: cannot start 'nope': no such executable on PATH");
  }

  @Test
  void aJobLeftRunningByADeadWorkerRunsAgainAsASecondAttempt() throws SQLException {
    Job job = submit("orphaned");
    update("update lowcarb_jobs set state = 'running', attempts = 1, worker = 'dead' where id = ?", job.id());

    handler((j, log) -> JobOutcome.unmeasured(0)).run(job.id());

    Job done = queue.get(job.id()).orElseThrow();
    assertThat(runs).hasValue(1);
    assertThat(done.state()).isEqualTo(JobState.DONE);
    assertThat(done.attempts()).isEqualTo(2);
    assertThat(done.worker()).contains("test-worker");
  }

  @Test
  void aJobStoppedWithItsWorkerGoesBackToTheQueue() {
    Job job = submit("stopped");
    JobHandler handler =
        handler((j, log) -> {
          throw new InterruptedException();
        });

    assertThatThrownBy(() -> handler.run(job.id()))
        .isInstanceOf(JobHandler.JobStopped.class)
        .hasMessage("job " + job.id() + " was stopped before it ended; it goes back to the queue");

    Job queued = queue.get(job.id()).orElseThrow();
    assertThat(queued.state()).isEqualTo(JobState.QUEUED);
    assertThat(queued.attempts()).isEqualTo(1);
    assertThat(queued.error()).contains("attempt 1 stopped when worker test-worker stopped");
  }

  @Test
  void theEndOfAnAttemptThatWasTakenOverIsNotRecorded() {
    Job job = submit("taken over");
    // While it runs, another worker takes it for dead and starts attempt 2.
    handler((j, log) -> {
          update("update lowcarb_jobs set attempts = attempts + 1, worker = 'other' where id = ?", j.id());
          return JobOutcome.unmeasured(0);
        })
        .run(job.id());

    Job row = queue.get(job.id()).orElseThrow();
    assertThat(row.state()).isEqualTo(JobState.RUNNING);
    assertThat(row.attempts()).isEqualTo(2);
    assertThat(row.worker()).contains("other");
    assertThat(row.exitCode()).isEmpty();
  }

  @Test
  void everyAttemptKeepsItsOwnEnergyAndTheCommandIsToldItsAttempt() {
    Job job = submit("twice");
    // Attempt 1 finishes its command, measured, but its worker is taken for dead before the end
    // is committed: attempt 2 runs the command again. Both attempts' energy is kept.
    handler((j, log) -> {
          assertThat(j.attempts()).isEqualTo(1);
          update("update lowcarb_jobs set attempts = attempts + 1, worker = 'other' where id = ?", j.id());
          return new JobOutcome(0, Optional.of(new Footprint(0.25, 50, 200)));
        })
        .run(job.id());
    update("update lowcarb_jobs set attempts = 1, state = 'running' where id = ?", job.id());
    handler((j, log) -> new JobOutcome(0, Optional.of(new Footprint(0.5, 100, 200)))).run(job.id());

    var attempts = queue.attempts(job.id());
    assertThat(attempts).extracting(Attempt::attempt).containsExactly(1, 2);
    assertThat(attempts.get(0).outcome()).isEqualTo(Attempt.Outcome.DONE);
    assertThat(attempts.get(0).footprint()).contains(new Footprint(0.25, 50, 200));
    assertThat(attempts.get(1).outcome()).isEqualTo(Attempt.Outcome.DONE);
    assertThat(attempts.get(1).footprint()).contains(new Footprint(0.5, 100, 200));
    assertThat(queue.get(job.id()).orElseThrow().footprint()).contains(new Footprint(0.5, 100, 200));
  }

  @Test
  void anAttemptWhoseWorkerDiedIsAbandonedNotOverwritten() {
    Job job = submit("orphan");
    // attempt 1 starts, then its worker dies: the row and the attempt stay 'running'
    db.inTransaction("start", c -> {
      JobTable.start(c, job.id(), Instant.now(), dir.resolve("log"), "dead");
      AttemptTable.start(c, job.id(), 1, "dead", Instant.now());
      return null;
    });
    handler((j, log) -> JobOutcome.unmeasured(0)).run(job.id());

    var attempts = queue.attempts(job.id());
    assertThat(attempts).extracting(Attempt::outcome)
        .containsExactly(Attempt.Outcome.ABANDONED, Attempt.Outcome.DONE);
    assertThat(attempts.get(0).worker()).isEqualTo("dead");
    assertThat(attempts.get(0).error().orElseThrow()).contains("taken for dead");
  }

  @Test
  void aStoppedAttemptIsKeptAsStopped() {
    Job job = submit("stopped again");
    assertThatThrownBy(() -> handler((j, log) -> {
          throw new InterruptedException();
        }).run(job.id())).isInstanceOf(JobHandler.JobStopped.class);
    assertThat(queue.attempts(job.id())).extracting(Attempt::outcome).containsExactly(Attempt.Outcome.STOPPED);
  }

  private void update(String sql, long id) {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, id);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
