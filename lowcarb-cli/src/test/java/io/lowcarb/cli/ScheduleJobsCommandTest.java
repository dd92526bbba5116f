package io.lowcarb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lowcarb.schedule.queue.Attempt;
import io.lowcarb.schedule.queue.Footprint;
import io.lowcarb.schedule.queue.Job;
import io.lowcarb.schedule.queue.JobRequest;
import io.lowcarb.schedule.queue.JobState;
import io.lowcarb.schedule.queue.PlannedWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A job's CO2e in the list counts every attempt, and says when one is missing. */
class ScheduleJobsCommandTest {
  static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

  private static Job job(JobState state, int attempts) {
    JobRequest r = new JobRequest("j", List.of("true"), Path.of("."), "ES", "table", Duration.ofMinutes(1), T,
        T.plusSeconds(3600), false, new PlannedWindow(T, T.plusSeconds(60), 100, 100));
    return new Job(1, r, state, attempts, T, Optional.of(T), Optional.empty(), OptionalInt.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static Attempt attempt(int n, Attempt.Outcome outcome, Double grams) {
    return new Attempt(1, n, "w", outcome, T, Optional.of(T), OptionalInt.empty(),
        Optional.ofNullable(grams).map(g -> new Footprint(g / 100_000, g, 100)), Optional.empty());
  }

  @Test
  void theCo2eOfEveryAttemptIsSummed() {
    String text = ScheduleJobsCommand.emissions(job(JobState.DONE, 2),
        List.of(attempt(1, Attempt.Outcome.DONE, 2.0), attempt(2, Attempt.Outcome.DONE, 3.0)));
    assertThat(text).isEqualTo(Summary.grams(5.0));
  }

  @Test
  void anAbandonedAttemptWithoutAFigureMakesTheSumALowerBound() {
    String text = ScheduleJobsCommand.emissions(job(JobState.DONE, 2),
        List.of(attempt(1, Attempt.Outcome.ABANDONED, null), attempt(2, Attempt.Outcome.DONE, 3.0)));
    assertThat(text).isEqualTo(">=" + Summary.grams(3.0));
  }

  @Test
  void aRunningJobWithNothingMeasuredYetShowsADash() {
    assertThat(ScheduleJobsCommand.emissions(job(JobState.RUNNING, 1), List.of(attempt(1, Attempt.Outcome.RUNNING, null))))
        .isEqualTo("-");
  }
}
