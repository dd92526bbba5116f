package io.lowcarb.schedule.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What requests, windows and worker settings accept. */
class QueueValuesTest {
  private final Instant t = Instant.parse("2026-03-01T12:00:00Z");
  private final PlannedWindow window = new PlannedWindow(t, t.plusSeconds(3600), 100, 300);

  private JobRequest request(List<String> command, Duration estimate, Instant earliest, Instant deadline) {
    return new JobRequest("train", command, Path.of("."), "DE", "test", estimate, earliest, deadline, true, window);
  }

  @Test
  void aRequestKeepsItsFieldsWithAnAbsoluteDirectory() {
    JobRequest r = request(List.of("python", "train.py"), Duration.ofHours(1), t, t.plusSeconds(7200));

    assertThat(r.directory()).isAbsolute().isEqualTo(Path.of("").toAbsolutePath());
    assertThat(r.command()).containsExactly("python", "train.py");
    assertThat(r.interruptible()).isTrue();
  }

  @Test
  void aRequestOutsideItsOwnLimitsIsRefused() {
    Duration hour = Duration.ofHours(1);
    assertThatThrownBy(() -> request(List.of(), hour, t, t.plusSeconds(7200)))
        .hasMessage("job 'train' has no command");
    assertThatThrownBy(() -> request(List.of("x"), Duration.ZERO, t, t.plusSeconds(7200)))
        .hasMessage("job 'train' needs a positive duration estimate, got PT0S");
    assertThatThrownBy(() -> request(List.of("x"), hour, t.plusSeconds(10), t))
        .hasMessage("job 'train' has its deadline (2026-03-01T12:00:00Z) before its earliest start (2026-03-01T12:00:10Z)");
    assertThatThrownBy(() -> request(List.of("x"), hour, t.plusSeconds(1), t.plusSeconds(7200)))
        .hasMessage("job 'train' is planned for 2026-03-01T12:00:00Z..2026-03-01T13:00:00Z, outside its allowed"
            + " 2026-03-01T12:00:01Z..2026-03-01T14:00:00Z");
    assertThatThrownBy(() -> request(List.of("x"), hour, t, t.plusSeconds(1800)))
        .hasMessageContaining("outside its allowed");
  }

  @Test
  void aWindowNeedsAnOrderAndIntensitiesThatAreFigures() {
    assertThatThrownBy(() -> new PlannedWindow(t, t.minusSeconds(1), 1, 1))
        .hasMessage("the planned window ends (2026-03-01T11:59:59Z) before it starts (2026-03-01T12:00:00Z)");
    assertThatThrownBy(() -> new PlannedWindow(t, t, Double.NaN, 1))
        .hasMessage("the planned intensity must be finite and >= 0 gCO2e/kWh, got NaN");
    assertThatThrownBy(() -> new PlannedWindow(t, t, 1, -2))
        .hasMessage("the run-now intensity must be finite and >= 0 gCO2e/kWh, got -2.0");
  }

  @Test
  void workerDefaultsAndLimits() {
    WorkerSettings d = WorkerSettings.defaults();

    assertThat(d.threads()).isEqualTo(1);
    assertThat(d.pollingInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(d.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.deadAfter()).isEqualTo(Duration.ofMinutes(1));
    assertThat(d.withThreads(3).withStopWait(Duration.ZERO))
        .isEqualTo(new WorkerSettings(3, d.pollingInterval(), d.heartbeatInterval(), 6, Duration.ZERO, d.logDirectory()));
    assertThatThrownBy(() -> d.withThreads(0)).hasMessage("a worker needs at least 1 thread, got 0");
    assertThatThrownBy(() -> d.withMissedHeartbeats(3))
        .hasMessage("missed heartbeats must be at least 4 (db-scheduler's minimum), got 3");
    assertThatThrownBy(() -> d.withPollingInterval(Duration.ZERO))
        .hasMessage("the polling interval must be positive, got PT0S");
  }

  @Test
  void anH2QueueWritesEveryCommitAtOnceUnlessTheUrlSaysOtherwise() {
    assertThat(Database.durable("jdbc:h2:file:/q;AUTO_SERVER=TRUE")).isEqualTo("jdbc:h2:file:/q;AUTO_SERVER=TRUE;WRITE_DELAY=0");
    assertThat(Database.durable("jdbc:h2:file:/q;write_delay=100")).isEqualTo("jdbc:h2:file:/q;write_delay=100");
  }
}
